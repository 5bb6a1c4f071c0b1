import { acceptedPosition } from '../progressLine';
import { t } from '../../i18n';
import { isRead, type ProgressRule } from './progressRule';

// Facts about the file as a whole that need the file system, given as inputs so the core
// stays pure: its name (rolled archives), its neighbours, and its bytes (UTF-8).

const rolledArchive: ProgressRule = {
  id: 'PL017',
  severity: 'information',
  kinds: ['position', 'finished'],
  check(ctx, report) {
    const first = ctx.file.lines[0];
    const base = ctx.file.kind === 'position' ? 'position' : 'finished';
    if (ctx.name?.archive !== undefined) {
      report(ctx.file.firstLine, 0, first?.text.length ?? 0, t(base === 'position' ? 'PL017.archive.position' : 'PL017.archive.finished', { archive: ctx.name.archive }));
      return;
    }
    if (ctx.file.kind !== 'position') return;
    const archives = (ctx.facts.siblingNames ?? []).filter((n) => /^position\d+\.log$/.test(n));
    const usable = ctx.nonBlank.some((l) => isRead(ctx, l.line) && acceptedPosition(l));
    if (archives.length > 0 && !usable) {
      report(ctx.file.firstLine, 0, first?.text.length ?? 0, t('PL017.older', { archives: archives.sort().join(', ') }), 'warning');
    }
  },
};

const invalidUtf8: ProgressRule = {
  id: 'PL018',
  severity: 'error',
  kinds: ['position', 'finished', 'resumeConfig'],
  check(ctx, report) {
    const at = ctx.facts.invalidUtf8;
    if (!at) return;
    if (ctx.file.kind === 'position') {
      if (isRead(ctx, at.line)) {
        report(at.line, at.character, at.character + 1, t('PL018.read'));
      } else {
        report(at.line, at.character, at.character + 1, t('PL018.unread'), 'information');
      }
      return;
    }
    report(at.line, at.character, at.character + 1, t(ctx.profile === 'legacy' ? 'PL018.stops-reading' : 'PL018.fails'));
  },
};

export const fileFactRules: readonly ProgressRule[] = [rolledArchive, invalidUtf8];
