import type { Diagnostic } from '../diagnostic';
import { trimBounds, type IniEntry, type IniHeader, type ScannedIni } from '../ini/scanIni';
import type { LintResult } from '../lintConfig';
import { ENUMS } from '../schema/enums';
import { enumValues, keySpec, keysFor, sectionSpec, sectionsFor, startupValuesOf, typeOf } from '../schema/index';
import { closest } from '../rules/suggest';
import { migrateResumer } from './resumerMigration';
import { deleteLine, inCaseOf, insertLineAbove } from '../edits/lineEdits';
import type { TextEdit } from '../edits/textEdit';
import { t } from '../i18n';

// One fixer per diagnostic code. Suggestions are recomputed from the schema (rules/suggest's
// `closest`, as the rules do) rather than parsed out of the message text.

export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred: boolean;
  /** Safe for fix-all: it cannot change what the user meant, only how ape-dts reads it. */
  safe: boolean;
}

type Fixer = (result: LintResult, d: Diagnostic) => Fix[];

// Entries and headers by line, once per scan: fix-all asks for every diagnostic's line.
const byLine = new WeakMap<ScannedIni, { entries: Map<number, IniEntry>; headers: Map<number, IniHeader> }>();

function linesOf(scan: ScannedIni) {
  let found = byLine.get(scan);
  if (!found) {
    found = { entries: new Map(scan.entries.map((e) => [e.line, e])), headers: new Map(scan.headers.map((h) => [h.line, h])) };
    byLine.set(scan, found);
  }
  return found;
}

const entryAt = (result: LintResult, line: number): IniEntry | undefined => linesOf(result.config.scan).entries.get(line);

function textAt(result: LintResult, d: Diagnostic): string {
  const { start, end } = d.range;
  if (start.line !== end.line) return '';
  return result.config.scan.lines[start.line].slice(start.character, end.character);
}

function replaceWith(d: Diagnostic, wrong: string, right: string, safe = false): Fix {
  return { title: t('fix.change', { wrong, right }), edits: [{ range: d.range, newText: right }], isPreferred: true, safe };
}

const unknownKey: Fixer = (result, d) => {
  const e = entryAt(result, d.range.start.line);
  const guess = e && closest(e.key, keysFor(result.version, e.section));
  if (!e || !guess) return [];
  const right = inCaseOf(e.rawKey, guess);
  const fix = { ...replaceWith(d, e.rawKey, right), edits: [{ range: e.keyRange, newText: right }] };
  // Renaming onto a key that is already set makes two lines compete (the last one wins).
  const other = result.config.entry(e.section, guess);
  if (other) return [{ ...fix, title: t('fix.change.also-set', { title: fix.title, line: other.line + 1 }), isPreferred: false }];
  return [fix];
};

const unknownSection: Fixer = (result, d) => {
  const h = linesOf(result.config.scan).headers.get(d.range.start.line);
  // A real section of another version is not a typo: the rule says which version has it.
  const guess = h && !sectionSpec(h.name) && closest(h.name, sectionsFor(result.version));
  if (!h || !guess) return [];
  const written = result.config.scan.lines[h.line].slice(h.nameRange.start.character, h.nameRange.end.character);
  return [{ ...replaceWith(d, written, inCaseOf(written, guess)), edits: [{ range: h.nameRange, newText: inCaseOf(written, guess) }] }];
};

/** A misspelt enum value (type.parse on an enum key). */
const enumValue: Fixer = (result, d) => {
  const e = entryAt(result, d.range.start.line);
  const spec = e && keySpec(e.section, e.key);
  const type = spec && typeOf(spec, result.version);
  if (!e?.value || type?.kind !== 'enum') return [];
  const guess = closest(e.value, enumValues(type.enum, result.version));
  return guess ? [replaceWith({ ...d, range: e.valueRange }, e.value, guess)] : [];
};

/** A misspelt name in a [filter] list (do_events=insert,updte): the diagnostic covers the one name. */
const listValue: Fixer = (result, d) => {
  const e = entryAt(result, d.range.start.line);
  const allowed = e && keySpec(e.section, e.key) && startupValuesOf(keySpec(e.section, e.key)!, result.version);
  const wrong = textAt(result, d);
  const guess = allowed && wrong && closest(wrong, allowed);
  return guess ? [replaceWith(d, wrong, guess)] : [];
};

/** True → true: exactly the value the user wrote, in the only case ape-dts parses. */
const valueCase: Fixer = (result, d) => {
  const e = entryAt(result, d.range.start.line);
  const spec = e && keySpec(e.section, e.key);
  if (!e?.value || !spec) return [];
  const type = typeOf(spec, result.version);
  const candidates = type.kind === 'enum' ? enumValues(type.enum, result.version) : type.kind === 'bool' ? ['true', 'false'] : [];
  const right = candidates.find((c) => c === e.value!.toLowerCase());
  if (!right || (type.kind === 'enum' && !ENUMS[type.enum].caseSensitive)) return [];
  return [replaceWith({ ...d, range: e.valueRange }, e.value, right, true)];
};

/** `log_dir=./logs # where logs go` → the comment on its own line above, the value without it. */
const inlineComment: Fixer = (result, d) => {
  const e = entryAt(result, d.range.start.line);
  const scan = result.config.scan;
  // A BOM glues to the first line's key; a comment moved above it would take the BOM away
  // from the key and change how the loader splits the line (`\uFEFF=x` would become `=x`).
  if (!e?.value || (e.line === 0 && scan.bom)) return [];
  const lineText = scan.lines[e.line];
  const markerAt = d.range.start.character;
  const [, valueEnd] = trimBounds(lineText, e.valueRange.start.character, markerAt);
  const indent = lineText.slice(0, e.lineRange.start.character).replace(/^\uFEFF/, '');
  const comment = lineText.slice(markerAt, e.valueRange.end.character);
  const edits: TextEdit[] = [
    insertLineAbove(scan, e.line, indent + comment),
    { range: { start: { line: e.line, character: valueEnd }, end: e.valueRange.end }, newText: '' },
  ];
  return [{ title: t('fix.inline-comment'), edits, isPreferred: true, safe: false }];
};

/** Keeps the line ape-dts reads (the last) and removes this earlier one. */
const duplicateKey: Fixer = (result, d) => {
  const e = entryAt(result, d.range.start.line);
  if (!e) return [];
  const all = result.config.entries(e.section, e.key);
  const last = all[all.length - 1];
  if (last === e) return [];
  return [{ title: t('fix.duplicate-key', { key: e.rawKey, line: last.line + 1 }), edits: [deleteLine(result.config.scan, e.line)], isPreferred: true, safe: true }];
};

// One migration per lint result: every legacy [resumer] diagnostic offers the same one.
const migrations = new WeakMap<LintResult, ReturnType<typeof migrateResumer>>();

const legacyResumer: Fixer = (result) => {
  if (!migrations.has(result)) migrations.set(result, migrateResumer(result));
  const m = migrations.get(result);
  if (!m) return [];
  return [{ title: m.title, edits: m.edits, isPreferred: m.exact, safe: m.exact && result.version === '2.0.26' }];
};

/** The diagnostics the [resumer] migration answers. */
export const LEGACY_RESUMER_CODES = new Set(['resumer.legacy-rejected', 'lint.legacy-resumer-migrate', 'lint.v25.legacy-resumer-ignored', 'lint.v25.legacy-resumer-overrides']);

export const FIXERS: Record<string, Fixer> = {
  'lint.unknown-key': unknownKey,
  'lint.unknown-section': unknownSection,
  'type.parse': enumValue,
  'lint.filter.enum-values': listValue,
  'lint.value-case': valueCase,
  'lint.inline-comment': inlineComment,
  'lint.duplicate-key': duplicateKey,
  'resumer.legacy-rejected': legacyResumer,
  'lint.legacy-resumer-migrate': legacyResumer,
  'lint.v25.legacy-resumer-ignored': legacyResumer,
  'lint.v25.legacy-resumer-overrides': legacyResumer,
};

export function fixesFor(result: LintResult, d: Diagnostic): Fix[] {
  const fixer = Object.hasOwn(FIXERS, d.code) ? FIXERS[d.code] : undefined;
  return fixer ? fixer(result, d) : [];
}
