import type { ConfigRule } from './rule';

// configparser rejects the whole file on these two lines, before any key is read
// (2.0.24–2.0.26: panic "failed to read content as ini"; head: CF002).

const unterminatedSection: ConfigRule = {
  id: 'ini.unterminated-section',
  severity: 'error',
  check(task, report) {
    for (const e of task.config.scan.syntaxErrors) {
      if (e.kind !== 'unterminated-section') continue;
      report(e.range, "Section header has no closing ']': ape-dts rejects the whole file. Close the bracket, e.g. [extractor].");
    }
  },
};

const emptyKey: ConfigRule = {
  id: 'ini.empty-key',
  severity: 'error',
  check(task, report) {
    for (const e of task.config.scan.syntaxErrors) {
      if (e.kind !== 'empty-key') continue;
      report(e.range, "Line starts with '=' or ':' so its key is empty: ape-dts rejects the whole file. Put the key name before the delimiter, or make the line a comment with '#'.");
    }
  },
};

export const iniSyntaxRules: readonly ConfigRule[] = [unterminatedSection, emptyKey];
