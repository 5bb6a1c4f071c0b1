import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type LocationLink,
} from 'vscode-languageserver/node';
import type { CodeAction as CoreCodeAction } from '../core/features/codeActions';
import type { CompletionItem as CoreCompletionItem } from '../core/features/completion';
import type { Definition } from '../core/features/definition';
import type { FoldingRange as CoreFoldingRange } from '../core/features/folding';
import type { Hover as CoreHover } from '../core/features/hover';
import type { DocumentSymbol as CoreSymbol } from '../core/features/symbols';
import { toLspDiagnostic } from './toLspDiagnostic';

// Core feature results → LSP shapes. The core already uses LSP's coordinates, so this is
// only a renaming of kinds; nothing here decides anything about the config.

export function toLspHover(h: CoreHover): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: h.range };
}

const COMPLETION_KINDS: Record<CoreCompletionItem['kind'], CompletionItemKind> = {
  section: CompletionItemKind.Module,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
};

export function toLspCompletion(c: CoreCompletionItem): CompletionItem {
  return {
    label: c.label,
    kind: COMPLETION_KINDS[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    insertTextFormat: c.insertTextFormat === 'snippet' ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: c.sortText,
    filterText: c.filterText,
    textEdit: c.textEdit,
  };
}

export function toLspCodeAction(a: CoreCodeAction, uri: string): CodeAction {
  return {
    title: a.title,
    kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.SourceFixAll,
    diagnostics: a.diagnostics.map(toLspDiagnostic),
    isPreferred: a.isPreferred,
    edit: { changes: { [uri]: a.edits } },
  };
}

export function toLspSymbol(s: CoreSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: s.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Property,
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toLspSymbol),
  };
}

export function toLspFolding(f: CoreFoldingRange): FoldingRange {
  return { startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region };
}

/**
 * A link to the file or folder a path key points to. Editors open files, not folders, so a
 * log folder links to its position.log when there is one. Nothing is linked when the target
 * does not exist (the hover says where it was looked for).
 */
export function toLspDefinition(d: Definition): LocationLink[] {
  const target = d.kind === 'folder' ? `${d.path.replace(/[\\/]+$/, '')}/position.log` : d.path;
  if (!fs.existsSync(target)) return [];
  const start = { line: 0, character: 0 };
  return [{ originSelectionRange: d.originRange, targetUri: pathToFileURL(target).toString(), targetRange: { start, end: start }, targetSelectionRange: { start, end: start } }];
}
