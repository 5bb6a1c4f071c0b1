// Diagnostics in a real VS Code (code-server's Node extension host), through the plain `vscode`
// API, with the extension installed from the packaged .vsix. The suites share one open editor
// and run in order; each suite's setup brings the file to the state it starts from.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, expected, ours, setLine, sleep, waitForProblems, workspaceFile } from './helpers';

const { fixes } = expected;
const without = (...lines: number[]) => expected.problems.filter((p) => !lines.includes(p.line));
const problemOn = (line: number) => expected.problems.filter((p) => p.line === line);

// Longer than the server's on-type delay (150 ms) many times over: a lint that should not
// happen has had every chance to arrive by then.
const QUIET_MS = 2_000;
// How long a save takes to come back as a watched-file change (a few hundred ms here).
const SETTLE_MS = 3_000;

let uri: vscode.Uri;
let editor: vscode.TextEditor;

async function openFixture(): Promise<vscode.TextEditor> {
  uri = workspaceFile(expected.file);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

suite('the installed extension', () => {
  test('task_config.ini opens as an ape-dts task config and activates the packaged extension', async () => {
    editor = await openFixture();
    assert.equal(editor.document.languageId, expected.languageId);

    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const deadline = Date.now() + 20_000;
    while (!extension.isActive && Date.now() < deadline) await sleep(100);
    assert.ok(extension.isActive, `${EXTENSION_ID} did not activate on opening ${expected.file}`);
    // The client starts the bundled server from dist/ (scripts/e2e/run.mjs checks what else the
    // .vsix holds).
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', 'server.js')), 'dist/server.js missing');
  });
});

suite('diagnostics, apeDts.lint.run = onType (default)', () => {
  suiteSetup(async () => {
    editor = await openFixture();
  });

  test('opening the broken file shows its errors on the right lines', async () => {
    const problems = await waitForProblems(uri, expected.problems);
    assert.ok(problems.every((p) => p.source === 'ape-dts'));
  });

  test('fixing a value clears its error while typing, before any save', async () => {
    await setLine(editor, fixes.server_id.line, fixes.server_id.fixed);
    await waitForProblems(uri, without(fixes.server_id.line));
    assert.ok(editor.document.isDirty, 'the fix was saved: this test is about lint on type');
  });

  test('breaking it again brings the error back', async () => {
    await setLine(editor, fixes.server_id.line, fixes.server_id.broken);
    await waitForProblems(uri, expected.problems);
  });

  test('fixing every value leaves no diagnostics', async () => {
    for (const fix of Object.values(fixes)) await setLine(editor, fix.line, fix.fixed);
    await waitForProblems(uri, []);
    assert.ok(await editor.document.save(), 'saving the fixed file failed');
    const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
    for (const fix of Object.values(fixes)) assert.ok(onDisk.includes(`\n${fix.fixed}\n`), `${fix.fixed} not on disk`);
  });
});

suite('diagnostics, apeDts.lint.run = onSave', () => {
  const lintRun = () => vscode.workspace.getConfiguration('apeDts', uri).get<string>('lint.run');

  suiteSetup(async () => {
    editor = await openFixture();
    // Start from the fixed, saved file (lint on type still on), whatever ran before.
    for (const fix of Object.values(fixes)) await setLine(editor, fix.line, fix.fixed);
    await editor.document.save();
    await waitForProblems(uri, []);

    await vscode.workspace
      .getConfiguration('apeDts', uri)
      .update('lint.run', 'onSave', vscode.ConfigurationTarget.Workspace);
    assert.equal(lintRun(), 'onSave');
    // The client forwards the change to the server (didChangeConfiguration), which re-reads its
    // settings and re-lints; give that round trip time before editing.
    await sleep(1_000);
    await waitForProblems(uri, []);
  });

  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration('apeDts', uri)
      .update('lint.run', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('an edit that breaks a value is not linted until the file is saved', async () => {
    await setLine(editor, fixes.server_id.line, fixes.server_id.broken);
    await sleep(QUIET_MS);
    assert.deepEqual(ours(uri), [], 'the unsaved edit was linted although apeDts.lint.run is onSave');

    assert.ok(await editor.document.save(), 'save failed');
    await waitForProblems(uri, problemOn(fixes.server_id.line));
    // The save also reaches the server as a watched-file change a moment later, and the server
    // re-lints every open config then, from its buffer, in onSave mode too. Let that pass before
    // the next test edits, or that re-lint can catch the unsaved edit (reported to the lead).
    await sleep(SETTLE_MS);
  });

  test('an edit that fixes it clears the error only on save', async () => {
    await setLine(editor, fixes.server_id.line, fixes.server_id.fixed);
    await sleep(QUIET_MS);
    const stale = ours(uri);
    assert.equal(stale.length, 1, 'the unsaved fix was linted although apeDts.lint.run is onSave');
    assert.equal(stale[0].line, fixes.server_id.line);

    assert.ok(await editor.document.save(), 'save failed');
    await waitForProblems(uri, []);
  });
});
