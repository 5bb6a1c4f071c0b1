import { range, type Position, type Range } from '../diagnostic';
import { trimBounds } from '../ini/scanIni';
import type { LintResult } from '../lintConfig';
import { taskView, type TaskView } from '../schema/conditions';
import { keySpec, keysFor, parsedWhenOf, requiredOf, sectionSpec, sectionsFor } from '../schema/index';
import { isPlaceholder } from '../values/parseValue';
import { t } from '../i18n';
import { headerMattersText, sectionSummary } from '../i18n/schemaText';
import { valueCompletions } from './completionValues';
import { keyDetail, keyDocumentation } from './keyDocs';
import { headerAbove } from './locate';
import { TASK_SNIPPETS } from './taskSnippets';

// Completion: section names, keys for this task and version, values, and whole-task snippets.
// Every item carries its own text edit, so the result does not depend on the client's idea
// of a "word" (keys hold '_', values hold ':' and '/').

export type CompletionKind = 'section' | 'key' | 'value' | 'snippet';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** `snippet`: insertText / textEdit use LSP snippet syntax (`${1:x}`). */
  insertTextFormat: 'plain' | 'snippet';
  sortText: string;
  filterText?: string;
  textEdit: { range: Range; newText: string };
}

export function completeAt(result: LintResult, requested: Position): CompletionItem[] {
  const scan = result.config.scan;
  const lineText = scan.lines[requested.line];
  if (lineText === undefined) return [];
  // A client may ask past the end of the line; an edit must not reach beyond it.
  const position = { line: requested.line, character: Math.max(0, Math.min(requested.character, lineText.length)) };
  const before = lineText.slice(0, position.character);
  const [start, end] = trimBounds(lineText);
  const first = lineText[start];
  // Comment and header lines: nothing to complete in front of them (an edit would swallow them).
  if (first === '#' || first === ';') return [];
  if (first === '[') {
    // Only between the brackets: after `]` an edit of the name would not hold the cursor.
    const close = lineText.lastIndexOf(']');
    const inName = start < position.character && (close <= start || position.character <= close);
    return inName ? sectionItems(result, position.line, lineText, start, undefined, position.character) : [];
  }
  const task = taskView(result.config, result.version);

  const delimiterAt = firstDelimiter(lineText, start, end);
  if (delimiterAt >= 0 && delimiterAt < position.character) {
    const section = headerAbove(scan, position.line)?.name;
    const key = lineText.slice(start, delimiterAt).trim().toLowerCase();
    return section ? valueCompletions(task, section, key, position.line, lineText, delimiterAt, position.character) : [];
  }
  // Typing a key (or on an empty line): replace the key part of the line, up to a delimiter if any.
  const keyEnd = delimiterAt >= 0 ? trimBounds(lineText, start, delimiterAt)[1] : end;
  const editRange = range(position.line, Math.min(start, position.character), Math.max(keyEnd, position.character));
  const header = headerAbove(scan, position.line);
  const blankLine = before.trim() === '' && start === end;
  const items: CompletionItem[] = [];
  if (header) items.push(...keyItems(task, header.name, editRange, delimiterAt < 0, position.line));
  if (delimiterAt < 0 && (blankLine || !header)) {
    items.push(...sectionItems(result, position.line, lineText, -1, editRange));
  }
  if (scan.headers.length === 0 && delimiterAt < 0) items.push(...snippetItems(editRange));
  return items;
}

function firstDelimiter(s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s[i] === '=' || s[i] === ':') return i;
  return -1;
}

/**
 * Section names. Inside `[…` the name between the brackets is replaced; on a blank line the
 * whole header is inserted. Sections already in the file sort last.
 */
function sectionItems(result: LintResult, line: number, lineText: string, bracketAt: number, blankRange?: Range, cursor = 0): CompletionItem[] {
  const present = new Set(result.config.sectionNames());
  let editRange: Range;
  let closing = '';
  if (bracketAt >= 0) {
    const close = lineText.lastIndexOf(']');
    // Without `]` the name runs to the end of the text, or to the cursor in trailing blanks.
    const to = close > bracketAt ? close : Math.max(trimBounds(lineText)[1], cursor);
    editRange = range(line, bracketAt + 1, to);
    if (close <= bracketAt) closing = ']';
  } else {
    editRange = blankRange!;
  }
  return sectionsFor(result.version).map((name, i) => {
    const spec = sectionSpec(name)!;
    const text = bracketAt >= 0 ? `${name}${closing}` : `[${name}]`;
    return {
      label: bracketAt >= 0 ? name : `[${name}]`,
      kind: 'section',
      detail: present.has(name) ? t('completion.section.present') : t('completion.section'),
      documentation: [sectionSummary(name, spec), headerMattersText(name, spec)].filter(Boolean).join('\n\n'),
      insertText: text,
      insertTextFormat: 'plain',
      sortText: `${present.has(name) ? '9' : '5'}${String(i).padStart(2, '0')}`,
      filterText: bracketAt >= 0 ? name : `[${name}]`,
      textEdit: { range: editRange, newText: text },
    };
  });
}

/** True when the key's pair (db_type, extract_type | sink_type) is not known yet, so nothing can be filtered. */
function pairUnknown(task: TaskView, section: string): boolean {
  if (section !== 'extractor' && section !== 'sinker') return false;
  const dbType = task.eff(`${section}.db_type`);
  const type = task.eff(section === 'sinker' ? 'sinker.sink_type' : 'extractor.extract_type');
  return !dbType || !type || isPlaceholder(dbType) || isPlaceholder(type);
}

/**
 * Keys this version reads in the section, minus those that do nothing for this task's
 * db_type / extract_type / sink_type. Required-for-this-task keys sort first, keys already
 * set sort last (still offered: a user may be rewriting the line).
 */
function keyItems(task: TaskView, section: string, editRange: Range, addDelimiter: boolean, line: number): CompletionItem[] {
  const unknownPair = pairUnknown(task, section);
  const items: CompletionItem[] = [];
  for (const key of keysFor(task.version, section)) {
    const spec = keySpec(section, key)!;
    if (!unknownPair && !task.applies(section, spec)) continue;
    const existing = task.config.entries(section, key).filter((e) => e.line !== line);
    const required = task.holds(requiredOf(spec, task.version), section, spec);
    const read = task.holds(parsedWhenOf(spec, task.version), section, spec);
    const rank = existing.length ? '9' : required ? '0' : read ? '1' : '2';
    const text = addDelimiter ? `${key}=` : key;
    items.push({
      label: key,
      kind: 'key',
      detail: keyDetail(spec, task.version) + (existing.length ? t('completion.key.set-on-line', { line: existing[existing.length - 1].line + 1 }) : required ? t('completion.key.required') : ''),
      documentation: keyDocumentation(section, key, spec, task),
      insertText: text,
      insertTextFormat: 'plain',
      sortText: `${rank}${key}`,
      filterText: key,
      textEdit: { range: editRange, newText: text },
    });
  }
  return items;
}

function snippetItems(editRange: Range): CompletionItem[] {
  return TASK_SNIPPETS.map((s, i) => ({
    label: s.label,
    kind: 'snippet',
    detail: t('completion.snippet.detail'),
    documentation: s.description,
    insertText: s.body,
    insertTextFormat: 'snippet',
    sortText: `0${i}`,
    filterText: s.label,
    textEdit: { range: editRange, newText: s.body },
  }));
}
