import { acceptedPosition } from '../progressLine';
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
      report(ctx.file.firstLine, 0, first?.text.length ?? 0, `${base}${ctx.name.archive}.log is a rolled archive (log4rs rolls ${base}.log at ${base === 'position' ? '1 MB' : '100 MB'}); ape-dts never reads it when it resumes. Only ${base}.log counts.`);
      return;
    }
    if (ctx.file.kind !== 'position') return;
    const archives = (ctx.facts.siblingNames ?? []).filter((n) => /^position\d+\.log$/.test(n));
    const usable = ctx.nonBlank.some((l) => isRead(ctx, l.line) && acceptedPosition(l));
    if (archives.length > 0 && !usable) {
      report(ctx.file.firstLine, 0, first?.text.length ?? 0, `Older progress is in ${archives.sort().join(', ')}, which ape-dts never reads: right after a 1 MB roll position.log starts almost empty.`, 'warning');
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
        report(at.line, at.character, at.character + 1, 'This byte is not UTF-8 and lies in the part of position.log ape-dts reads: ape-dts (2.0.22+) fails to start. Remove the line.');
      } else {
        report(at.line, at.character, at.character + 1, 'This byte is not UTF-8; it lies before the part of position.log ape-dts reads, so it does no harm.', 'information');
      }
      return;
    }
    const what = ctx.profile === 'legacy' ? 'ape-dts 2.0.24 stops reading the file here, so every later line is ignored' : 'ape-dts fails to start';
    report(at.line, at.character, at.character + 1, `This byte is not UTF-8: ${what}. Re-save the file as UTF-8.`);
  },
};

export const fileFactRules: readonly ProgressRule[] = [rolledArchive, invalidUtf8];
