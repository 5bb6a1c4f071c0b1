import { editDistance } from '../../rules/suggest';
import { tagIsFramed } from '../parseProgressLine';
import { CURRENT_FLAG, LOG_TAGS, acceptedPosition, type ProgressLine } from '../progressLine';
import { LOG_TIME } from '../values/logTime';
import type { Severity } from '../../diagnostic';
import { t } from '../../i18n';
import type { ProgressRule } from './progressRule';

// ape-dts writes `<UTC time, 6 decimals> | <tag> | <payload>` (finished.log: no tag) but
// never parses the columns back: it takes the payload, and calls a line "current" iff it
// contains the exact text `| current_position |`. So a broken column only matters when it
// moves a line between the current and checkpoint slots: a misspelt or unframed
// current_position tag is read as a checkpoint (error); other column damage is harmless to
// the resumer but shows a hand-edited or corrupted file (warning).

function meantCurrent(l: ProgressLine): boolean {
  const t = l.tag?.text.toLowerCase();
  return !!t && l.slot === 'checkpoint' && (t.includes('current') || editDistance(t, 'current_position') <= 3);
}

function closestTag(text: string): string {
  return [...LOG_TAGS].sort((a, b) => editDistance(text, a) - editDistance(text, b))[0];
}

type At = (start: number, end: number, message: string, severity?: Severity) => void;

function positionLogLine(l: ProgressLine, report: At) {
  const tagEnd = l.tag?.end ?? l.payload?.start ?? l.text.length;
  if (!l.logTime || !LOG_TIME.test(l.logTime.text)) {
    report(0, l.logTime?.end ?? Math.max(1, l.tag?.start ?? 1), t('PL001.no-time'));
    return;
  }
  if (!l.tag) {
    report(l.logTime.end, l.payload?.start ?? l.text.length, t('PL001.no-tag', { flag: CURRENT_FLAG }));
    return;
  }
  if (!LOG_TAGS.includes(l.tag.text as never)) {
    report(l.tag.start, l.tag.end, t('PL001.unknown-tag', { tag: l.tag.text, closest: closestTag(l.tag.text) }));
    return;
  }
  if (l.text.slice(l.logTime.end, l.tag.start) !== ' | ' || l.text.slice(l.tag.end, l.payload?.start) !== ' | ') {
    report(l.logTime.end, l.payload?.start ?? tagEnd, t('PL001.separators'));
    return;
  }
  if (l.payload && l.payload.end < l.text.length) {
    report(l.payload.end, l.text.length, t('PL001.trailing-text'));
  }
}

const grammar: ProgressRule = {
  id: 'PL001',
  severity: 'warning',
  kinds: ['position', 'finished'],
  check(ctx, report) {
    for (const l of ctx.nonBlank) {
      if (l.kind !== 'position' || l.panics) continue;
      const at: At = (s, e, m, sev) => report(l.line, s, e, m, sev);
      if (ctx.file.kind === 'finished') finishedLogLine(l, at);
      else if (meantCurrent(l)) {
        const tag = l.tag!;
        const message = LOG_TAGS.includes(tag.text as never)
          ? t('PL001.current-unframed', { flag: CURRENT_FLAG })
          : t('PL001.current-misspelt', { tag: tag.text, flag: CURRENT_FLAG });
        at(tag.start, tag.end, message, 'error');
      } else positionLogLine(l, at);
    }
  },
};

function finishedLogLine(l: ProgressLine, report: At) {
  if (!l.logTime || !LOG_TIME.test(l.logTime.text)) {
    report(0, l.logTime?.end ?? 1, t('PL001.finished.no-time'));
  } else if (l.tag) {
    report(l.tag.start, l.tag.end, t('PL001.finished.tag'));
  } else if (l.text.slice(l.logTime.end, l.payload?.start) !== ' | ') {
    report(l.logTime.end, l.payload?.start ?? l.text.length, t('PL001.finished.separator'));
  }
  const p = acceptedPosition(l);
  if (p && p.type !== 'RdbSnapshotFinished') {
    report(p.typeNode.start, p.typeNode.end, t('PL001.finished.other-type', { type: p.type }));
  }
}

const configTags: ProgressRule = {
  id: 'PL019',
  severity: 'warning',
  kinds: ['resumeConfig'],
  check(ctx, report) {
    for (const l of ctx.nonBlank) {
      if (l.kind !== 'position' || !l.payload) continue;
      const prefix = l.text.slice(0, l.payload.start).trim();
      if (prefix.startsWith('//') || prefix.startsWith('#')) {
        report(l.line, 0, prefix.length, t('PL019.comment', { prefix: prefix.slice(0, 2) }), 'error');
        continue;
      }
      if (meantCurrent(l)) {
        const tag = l.tag!;
        report(l.line, tag.start, tag.end, t('PL019.current-unframed', { flag: CURRENT_FLAG }), 'error');
        continue;
      }
      const p = acceptedPosition(l);
      if (ctx.profile === 'legacy' && l.slot === 'current' && p && !['RdbSnapshot', 'FoxlakeS3', 'RdbSnapshotFinished'].includes(p.type)) {
        report(l.line, l.tag?.start ?? 0, l.tag?.end ?? l.payload.start, t('PL019.legacy-current'), 'error');
        continue;
      }
      if (l.tag && !tagIsFramed(l) && LOG_TAGS.includes(l.tag.text as never) && l.tag.text !== 'checkpoint_position') {
        report(l.line, l.tag.start, l.tag.end, t('PL019.unframed', { tag: l.tag.text }));
      } else if (l.tag && !LOG_TAGS.includes(l.tag.text as never) && !l.logTime) {
        report(l.line, l.tag.start, l.tag.end, t('PL019.unknown-tag', { tag: l.tag.text }));
      }
    }
  },
};

export const lineGrammarRules: readonly ProgressRule[] = [grammar, configTags];
