// Hover, completion and quick fixes in a real VS Code, asked through VS Code's own provider
// commands (what the editor itself calls when the user hovers, types or presses Ctrl+.), with
// the extension installed from the .vsix. Fixture: fixtures/resume-workspace (resume.json).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import fixture from '../fixtures/resume.json';
import { EXTENSION_ID, markdownText, ours, setLine, sleep, waitFor, workspaceFile } from './helpers';

const { hover, completion, legacyFix, typoFix } = fixture;

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

async function activeExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const deadline = Date.now() + 20_000;
  while (!extension.isActive && Date.now() < deadline) await sleep(100);
  assert.ok(extension.isActive, `${EXTENSION_ID} did not activate`);
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).flatMap((h) => h.contents.map(markdownText)).join('\n\n');
}

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

/** The code actions VS Code's lightbulb / Ctrl+. would list for 1-based `line`. */
async function codeActions(uri: vscode.Uri, line: number): Promise<vscode.CodeAction[]> {
  const document = await vscode.workspace.openTextDocument(uri);
  const range = document.lineAt(line - 1).range;
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

suite('hover', () => {
  let editor: vscode.TextEditor;
  suiteSetup(async () => {
    editor = await open(fixture.config);
    await activeExtension();
  });

  test(`hover on the key ${hover.key} shows its documentation`, async () => {
    const line = hover.line - 1;
    assert.ok(editor.document.lineAt(line).text.startsWith(`${hover.key}=`), `line ${hover.line} is not ${hover.key}`);
    // The server answers from its lint result; the first request can beat the first lint.
    const text = await waitFor(
      `a hover on ${hover.key}`,
      async () => {
        const t = await hoverText(editor.document.uri, new vscode.Position(line, 3));
        return t.includes(hover.doc) ? t : undefined;
      },
      () => 'no hover with the documentation',
    );
    assert.ok(text.includes(`**[extractor] ${hover.key}**`), `the hover does not name the key:\n${text}`);
  });

  test('hover on a section header describes the section and the version profile', async () => {
    const text = await hoverText(editor.document.uri, new vscode.Position(0, 3));
    assert.ok(text.includes('**[extractor]**'), `not the [extractor] hover:\n${text}`);
    assert.ok(text.includes('Checked as ape-dts 2.0.26'), `the hover does not say which version profile it describes:\n${text}`);
  });
});

suite('completion', () => {
  let editor: vscode.TextEditor;
  suiteSetup(async () => {
    editor = await open(fixture.config);
  });

  test('on a blank line of [extractor] it offers the keys of a MySQL CDC extractor, not those of other db_types', async () => {
    const line = completion.line - 1;
    assert.equal(editor.document.lineAt(line).text, '', `line ${completion.line} is not blank`);
    const labels = await completionLabels(editor.document.uri, new vscode.Position(line, 0));
    for (const key of [...completion.offered, ...completion.alsoOffered]) assert.ok(labels.includes(key), `${key} not offered; offered: ${labels.join(', ')}`);
    for (const key of completion.notOffered) assert.ok(!labels.includes(key), `${key} (not a MySQL CDC key) offered`);
    assert.ok(!editor.document.isDirty, 'asking for completion changed the document');
  });

  test('the same place in a PostgreSQL CDC task offers its keys instead', async () => {
    const mysql = editor.document.getText();
    const pgText = mysql.replace(/^db_type=mysql$/m, 'db_type=pg');
    const document = await vscode.workspace.openTextDocument({ language: editor.document.languageId, content: pgText });
    await vscode.window.showTextDocument(document, { preview: false });
    const labels = await waitFor(
      'completion in the pg task',
      async () => {
        const l = await completionLabels(document.uri, new vscode.Position(completion.line - 1, 0));
        return l.length > 0 ? l : undefined;
      },
    );
    for (const key of completion.pgOffered) assert.ok(labels.includes(key), `${key} not offered for pg; offered: ${labels.join(', ')}`);
    for (const key of completion.offered) assert.ok(!labels.includes(key), `${key} (a MySQL key) offered for pg`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

suite('quick fixes', () => {
  let editor: vscode.TextEditor;
  let uri: vscode.Uri;
  suiteSetup(async () => {
    uri = workspaceFile(fixture.legacy);
    editor = await open(fixture.legacy);
  });

  test(`the legacy [resumer] key is an error at 2.0.26 (${legacyFix.code})`, async () => {
    assert.equal(editor.document.lineAt(legacyFix.line - 1).text, legacyFix.broken);
    await waitFor(`${legacyFix.code} on line ${legacyFix.line}`, () =>
      ours(uri).some((d) => d.line === legacyFix.line && d.code === legacyFix.code) ? true : undefined,
      () => JSON.stringify(ours(uri)),
    );
  });

  test(`"${legacyFix.title}…" rewrites it to ${legacyFix.fixed}, and the error goes`, async () => {
    const actions = await codeActions(uri, legacyFix.line);
    const fix = actions.find((a) => a.title.startsWith(legacyFix.title));
    assert.ok(fix?.edit, `no "${legacyFix.title}" action; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
    assert.equal(editor.document.lineAt(legacyFix.line - 1).text, legacyFix.fixed);
    await waitFor('no diagnostics left', () => (ours(uri).length === 0 ? true : undefined), () => JSON.stringify(ours(uri)));
    assert.ok(await editor.document.save(), 'save failed');
    const onDisk = fs.readFileSync(uri.fsPath, 'utf8').split('\n');
    assert.equal(onDisk[legacyFix.line - 1], legacyFix.fixed);
  });

  test(`after the migration, ${fixture.lenses.legacyLog} shows "${fixture.lenses.predicted}" on line ${fixture.lenses.predictedLine}`, async () => {
    const { lenses } = fixture;
    const logUri = workspaceFile(lenses.legacyLog);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(logUri), { preview: false });
    const titles = async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', logUri, 100);
      return (all ?? []).map((l) => ({ line: l.range.start.line + 1, title: l.command?.title ?? '' }));
    };
    let seenLenses: { line: number; title: string }[] = [];
    const predicted = await waitFor(
      `"${lenses.predicted}"`,
      async () => {
        seenLenses = await titles();
        return seenLenses.find((l) => l.title.startsWith(lenses.predicted));
      },
      () => JSON.stringify(seenLenses),
    );
    assert.equal(predicted.line, lenses.predictedLine, `predicted on the wrong line: ${JSON.stringify(seenLenses)}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    editor = await open(fixture.legacy);
  });

  test(`a misspelt key gets "Did you mean": ${typoFix.title}`, async () => {
    await setLine(editor, typoFix.line, typoFix.broken);
    await waitFor(`${typoFix.code} on line ${typoFix.line}`, () =>
      ours(uri).some((d) => d.line === typoFix.line && d.code === typoFix.code) ? true : undefined,
      () => JSON.stringify(ours(uri)),
    );
    const actions = await codeActions(uri, typoFix.line);
    const fix = actions.find((a) => a.title === typoFix.title);
    assert.ok(fix?.edit, `no "${typoFix.title}" action; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(typoFix.line - 1).text, typoFix.fixed);
    await waitFor('no diagnostics left', () => (ours(uri).length === 0 ? true : undefined), () => JSON.stringify(ours(uri)));
    assert.ok(await editor.document.save());
  });
});
