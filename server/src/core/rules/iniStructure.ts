import { range } from '../diagnostic';
import type { IniEntry } from '../ini/scanIni';
import { isSecretKey } from '../features/maskSecrets';
import type { ConfigRule } from './rule';

// What configparser accepts silently but almost never means what the author wanted.

const BOM = '\uFEFF';

/** Entries that come from a BOM glued to line 1 are reported by the BOM rules alone. */
export function isBomLine(e: IniEntry): boolean {
  return e.line === 0 && e.rawKey.startsWith(BOM);
}

function isDoubleSlash(e: IniEntry): boolean {
  return e.rawKey.startsWith('//');
}

const keyBeforeSection: ConfigRule = {
  id: 'lint.key-before-section',
  severity: 'warning',
  check(task, report) {
    for (const e of task.config.scan.entries) {
      if (e.header || isBomLine(e) || isDoubleSlash(e)) continue;
      report(e.keyRange, `'${e.rawKey}' comes before the first [section] header: ape-dts files it under a hidden 'default' section and never reads it. Move it under the section it belongs to.`);
    }
  },
};

const duplicateKey: ConfigRule = {
  id: 'lint.duplicate-key',
  severity: 'warning',
  check(task, report) {
    const { config } = task;
    // Grouped in one pass: walking every entry once per section is quadratic in a file of many sections.
    const bySection = new Map<string, IniEntry[]>();
    for (const e of config.scan.entries) {
      const list = bySection.get(e.section);
      if (list) list.push(e);
      else bySection.set(e.section, [e]);
    }
    for (const [section, entries] of bySection) {
      const seen = new Set<string>();
      for (const e of entries) {
        if (seen.has(e.key) || isDoubleSlash(e) || isBomLine(e)) continue;
        seen.add(e.key);
        const all = config.entries(section, e.key);
        if (all.length < 2) continue;
        const last = all[all.length - 1];
        const lastSays =
          last.value === undefined ? 'has no value there, which erases this one' : last.value === '' ? 'is empty there, which means the default' : 'wins';
        for (const earlier of all.slice(0, -1)) {
          report(earlier.keyRange, `'${e.key}' is set again on line ${last.line + 1} and ape-dts keeps only the last one (it ${lastSays}). Remove one of the two lines.`);
        }
      }
    }
  },
};

const duplicateSection: ConfigRule = {
  id: 'lint.duplicate-section',
  severity: 'information',
  check(task, report) {
    for (const name of task.config.sectionNames()) {
      const [first, ...again] = task.config.headers(name);
      for (const h of again) {
        report(h.range, `[${name}] appears again (first on line ${first.line + 1}); ape-dts merges the two, and a key set in both keeps the later value.`);
      }
    }
  },
};

const keyWithoutValue: ConfigRule = {
  id: 'lint.key-without-value',
  severity: 'warning',
  check(task, report) {
    for (const e of task.config.scan.entries) {
      if (e.delimiter || isDoubleSlash(e) || isBomLine(e)) continue;
      report(e.keyRange, `This line has no '=' or ':', so ape-dts reads '${e.rawKey}' as a key without a value: it is ignored, and it erases an earlier value of the same key. Write '${e.key}=<value>', or start the line with '#' to make it a comment.`);
    }
  },
};

const doubleSlash: ConfigRule = {
  id: 'lint.double-slash-comment',
  severity: 'warning',
  check(task, report) {
    for (const e of task.config.scan.entries) {
      if (!isDoubleSlash(e)) continue;
      report(e.lineRange, "'//' does not start a comment in ape-dts: the line is read as a junk key. Start comments with '#' or ';'.");
    }
  },
};

const INLINE_COMMENT = /\s[#;]/;

const inlineComment: ConfigRule = {
  id: 'lint.inline-comment',
  severity: 'warning',
  check(task, report) {
    for (const e of task.config.scan.entries) {
      if (!e.value) continue;
      const m = INLINE_COMMENT.exec(e.value);
      if (!m) continue;
      const start = e.valueRange.start.character + m.index + 1;
      // A password may hold ' #': quoting its tail would show part of it (masking hides whole values only).
      const tail = isSecretKey(e.section, e.key) ? 'everything from the comment marker on' : `'${e.value.slice(m.index + 1)}'`;
      report(range(e.line, start, e.valueRange.end.character), `ape-dts has no inline comments: ${tail} is part of the value of '${e.key}'. Move the comment to its own line.`);
    }
  },
};

function bomHeader(task: Parameters<ConfigRule['check']>[0]): string | undefined {
  if (!task.config.scan.bom) return undefined;
  const first = task.config.scan.lines[0].replace(BOM, '').trim();
  const m = /^\[(.*)\]/.exec(first);
  return m ? m[1].trim().toLowerCase() : undefined;
}

const bomOnRequiredHeader: ConfigRule = {
  id: 'lint.bom',
  severity: 'error',
  check(task, report) {
    const name = bomHeader(task);
    if (name !== 'extractor' && name !== 'sinker') return;
    report(range(0, 0, task.config.scan.lines[0].length), `The file starts with a UTF-8 byte order mark, which ape-dts does not strip: it cannot see this [${name}] header, so its keys are lost and the task stops at load. Save the file as UTF-8 without BOM.`);
  },
};

const bomOnOtherHeader: ConfigRule = {
  id: 'lint.bom.other',
  severity: 'warning',
  check(task, report) {
    const name = bomHeader(task);
    if (name === undefined || name === 'extractor' || name === 'sinker') return;
    report(range(0, 0, task.config.scan.lines[0].length), `The file starts with a UTF-8 byte order mark, which ape-dts does not strip: it cannot see this [${name}] header and silently drops its keys. Save the file as UTF-8 without BOM.`);
  },
};

export const iniStructureRules: readonly ConfigRule[] = [
  keyBeforeSection,
  duplicateKey,
  duplicateSection,
  keyWithoutValue,
  doubleSlash,
  inlineComment,
  bomOnRequiredHeader,
  bomOnOtherHeader,
];
