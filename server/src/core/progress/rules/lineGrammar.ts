import { editDistance } from '../../rules/suggest';
import { tagIsFramed } from '../parseProgressLine';
import { CURRENT_FLAG, LOG_TAGS, acceptedPosition, type ProgressLine } from '../progressLine';
import { LOG_TIME } from '../values/logTime';
import type { Severity } from '../../diagnostic';
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
    report(0, l.logTime?.end ?? Math.max(1, l.tag?.start ?? 1), `The line does not start with the log time 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC, 6 decimals) that ape-dts writes. The resumer does not need it, but this line was not written by ape-dts as it stands.`);
    return;
  }
  if (!l.tag) {
    report(l.logTime.end, l.payload?.start ?? l.text.length, `The tag column is missing. Without '${CURRENT_FLAG}' ape-dts counts the line as a checkpoint line.`);
    return;
  }
  if (!LOG_TAGS.includes(l.tag.text as never)) {
    report(l.tag.start, l.tag.end, `'${l.tag.text}' is not a tag ape-dts writes (did you mean '${closestTag(l.tag.text)}'?). ape-dts reads the line anyway, as a checkpoint line.`);
    return;
  }
  if (l.text.slice(l.logTime.end, l.tag.start) !== ' | ' || l.text.slice(l.tag.end, l.payload?.start) !== ' | ') {
    report(l.logTime.end, l.payload?.start ?? tagEnd, "The columns are not separated by ' | ' as ape-dts writes them.");
    return;
  }
  if (l.payload && l.payload.end < l.text.length) {
    report(l.payload.end, l.text.length, 'Text after the payload: ape-dts ignores it, but it is not part of the line format (and a } there would break the payload).');
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
        const t = l.tag!;
        const what = LOG_TAGS.includes(t.text as never) ? `'current_position' is not framed as '${CURRENT_FLAG}'` : `'${t.text}' is a misspelt current_position`;
        at(t.start, t.end, `${what}: ape-dts only recognises the exact text '${CURRENT_FLAG}', so it reads this line as a CHECKPOINT line, which changes where it resumes. Write '${CURRENT_FLAG}'.`, 'error');
      } else positionLogLine(l, at);
    }
  },
};

function finishedLogLine(l: ProgressLine, report: At) {
  if (!l.logTime || !LOG_TIME.test(l.logTime.text)) {
    report(0, l.logTime?.end ?? 1, "The line does not start with the log time 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC) that ape-dts writes.");
  } else if (l.tag) {
    report(l.tag.start, l.tag.end, 'finished.log lines have no tag column (`<time> | {…}`); ape-dts reads the payload anyway.');
  } else if (l.text.slice(l.logTime.end, l.payload?.start) !== ' | ') {
    report(l.logTime.end, l.payload?.start ?? l.text.length, "The time and the payload are not separated by ' | '.");
  }
  const p = acceptedPosition(l);
  if (p && p.type !== 'RdbSnapshotFinished') {
    report(p.typeNode.start, p.typeNode.end, `finished.log normally holds only RdbSnapshotFinished lines; ape-dts still reads this ${p.type} line like a position.log line.`);
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
        report(l.line, 0, prefix.length, `'${prefix.slice(0, 2)}' does not comment out this line: ape-dts reads every {…} payload in the file, so this position is used. Delete the line instead.`, 'error');
        continue;
      }
      if (meantCurrent(l)) {
        const t = l.tag!;
        report(l.line, t.start, t.end, `Without the exact '${CURRENT_FLAG}' framing this line counts as a checkpoint line. Write '${CURRENT_FLAG} {…}', or drop the tag if a checkpoint is what you want.`, 'error');
        continue;
      }
      const p = acceptedPosition(l);
      if (ctx.profile === 'legacy' && l.slot === 'current' && p && !['RdbSnapshot', 'FoxlakeS3', 'RdbSnapshotFinished'].includes(p.type)) {
        report(l.line, l.tag?.start ?? 0, l.tag?.end ?? l.payload.start, `ape-dts 2.0.24 drops the current_position lines of a resume config file for CDC (it copies the checkpoint slot over them), so this line is never used. Tag it '| checkpoint_position |' or write the bare JSON.`, 'error');
        continue;
      }
      if (l.tag && !tagIsFramed(l) && LOG_TAGS.includes(l.tag.text as never) && l.tag.text !== 'checkpoint_position') {
        report(l.line, l.tag.start, l.tag.end, `Without '| ${l.tag.text} |' framing this line counts as a checkpoint line.`);
      } else if (l.tag && !LOG_TAGS.includes(l.tag.text as never) && !l.logTime) {
        report(l.line, l.tag.start, l.tag.end, `ape-dts ignores '${l.tag.text}' before the payload and reads the line as a checkpoint line.`);
      }
    }
  },
};

export const lineGrammarRules: readonly ProgressRule[] = [grammar, configTags];
