import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import expected from '../fixtures/expected.json';

export { expected };
export const EXTENSION_ID = 'ape-dts-tools.ape-dts-tools';

export type ExpectedProblem = (typeof expected.problems)[number];

/** One diagnostic as the tests compare it: 1-based line/column as the Problems panel shows. */
export interface Seen {
  line: number;
  column: number;
  severity: string;
  code: string;
  source: string | undefined;
  message: string;
}

const SEVERITY: Record<number, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function seen(d: vscode.Diagnostic): Seen {
  const code = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    severity: SEVERITY[d.severity] ?? String(d.severity),
    code: String(code),
    source: d.source,
    message: d.message,
  };
}

/** Our diagnostics for `uri` (other extensions' are ignored), sorted by position. */
export function ours(uri: vscode.Uri): Seen[] {
  return vscode.languages
    .getDiagnostics(uri)
    .map(seen)
    .filter((d) => d.source === expected.source)
    .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

const describe = (list: Seen[]) =>
  list.length === 0 ? '(none)' : list.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`).join('\n  ');

/** Does `actual` hold exactly the `wanted` problems (position, severity, code, message start)? */
export function matches(actual: Seen[], wanted: readonly ExpectedProblem[]): boolean {
  if (actual.length !== wanted.length) return false;
  const sorted = [...wanted].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
  return sorted.every(
    (w, i) =>
      actual[i].line === w.line &&
      actual[i].column === w.column &&
      actual[i].severity === w.severity &&
      actual[i].code === w.code &&
      actual[i].message.startsWith(w.message),
  );
}

/**
 * Waits (no retries of anything: it only watches) until our diagnostics for `uri` are exactly
 * `wanted`; fails after `timeoutMs` showing what was there instead.
 */
export function waitForProblems(
  uri: vscode.Uri,
  wanted: readonly ExpectedProblem[],
  timeoutMs = 20_000,
): Promise<Seen[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = () => {
      if (done) return;
      const now = ours(uri);
      if (matches(now, wanted)) finish(() => resolve(now));
    };
    const finish = (settle: () => void) => {
      done = true;
      clearTimeout(timer);
      clearInterval(poll);
      sub.dispose();
      settle();
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const poll = setInterval(check, 200);
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new assert.AssertionError({
              message:
                `timed out after ${timeoutMs} ms waiting for the diagnostics of ${uri.path}.\n` +
                `Wanted:\n  ${describe(wanted.map((w) => ({ ...w, source: expected.source })))}\n` +
                `Had:\n  ${describe(ours(uri))}`,
            }),
          ),
        ),
      timeoutMs,
    );
    check();
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Replaces the whole text of 1-based `line` in the open editor (an edit as typing makes it). */
export async function setLine(editor: vscode.TextEditor, line: number, text: string): Promise<void> {
  const range = editor.document.lineAt(line - 1).range;
  const ok = await editor.edit((b) => b.replace(range, text));
  assert.ok(ok, `the edit of line ${line} was not applied`);
  assert.equal(editor.document.lineAt(line - 1).text, text);
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * Polls `probe` until it returns something other than undefined; fails after `timeoutMs` with
 * `what` and the last thing `explain` saw. Only watches: it retries nothing that acts.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  explain: () => string = () => '',
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const seenText = explain();
      throw new assert.AssertionError({ message: `timed out after ${timeoutMs} ms waiting for ${what}${seenText ? `\nHad: ${seenText}` : ''}` });
    }
    await sleep(200);
  }
}

/** A hover's or completion item's documentation as plain text. */
export function markdownText(content: vscode.MarkdownString | vscode.MarkedString | string | undefined): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return 'value' in content ? content.value : '';
}

/** 1-based line of `text` in the open document (the first whose whole text is `text`). */
export function lineOf(document: vscode.TextDocument, text: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text === text) return i + 1;
  return 0;
}
