import { range } from '../diagnostic';
import type { IniEntry } from '../ini/scanIni';
import { isSecretKey } from '../features/maskSecrets';
import { t } from '../i18n';
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
      report(e.keyRange, t('lint.key-before-section', { rawKey: e.rawKey }));
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
        const variant =
          last.value === undefined ? 'lint.duplicate-key.no-value' : last.value === '' ? 'lint.duplicate-key.empty' : 'lint.duplicate-key.wins';
        for (const earlier of all.slice(0, -1)) {
          report(earlier.keyRange, t(variant, { key: e.key, line: last.line + 1 }));
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
        report(h.range, t('lint.duplicate-section', { name, line: first.line + 1 }));
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
      report(e.keyRange, t('lint.key-without-value', { rawKey: e.rawKey, key: e.key }));
    }
  },
};

const doubleSlash: ConfigRule = {
  id: 'lint.double-slash-comment',
  severity: 'warning',
  check(task, report) {
    for (const e of task.config.scan.entries) {
      if (!isDoubleSlash(e)) continue;
      report(e.lineRange, t('lint.double-slash-comment'));
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
      const message = isSecretKey(e.section, e.key)
        ? t('lint.inline-comment.secret', { key: e.key })
        : t('lint.inline-comment.quoted', { tail: e.value.slice(m.index + 1), key: e.key });
      report(range(e.line, start, e.valueRange.end.character), message);
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
    report(range(0, 0, task.config.scan.lines[0].length), t('lint.bom', { name }));
  },
};

const bomOnOtherHeader: ConfigRule = {
  id: 'lint.bom.other',
  severity: 'warning',
  check(task, report) {
    const name = bomHeader(task);
    if (name === undefined || name === 'extractor' || name === 'sinker') return;
    report(range(0, 0, task.config.scan.lines[0].length), t('lint.bom.other', { name }));
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
