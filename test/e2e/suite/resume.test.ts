// "Resume from this line" plumbing in a real VS Code, with the extension installed from the
// .vsix. What needs a click in a modal dialog (the preview's Apply, the current_position
// warning) is in the UI test (scripts/e2e/run.mjs): the extension host cannot answer a modal.
// Fixture: fixtures/resume-workspace (resume.json).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import fixture from '../fixtures/resume.json';
import { EXTENSION_ID, sleep, waitFor, workspaceFile } from './helpers';

const COMMANDS = ['apeDts.resumeFromLine', 'apeDts.resumeFromLatest'];

/** Resolves with how the promise settled, or 'pending' after `ms`. */
function settledWithin(p: Thenable<unknown>, ms: number): Promise<'resolved' | 'rejected' | 'pending'> {
  return Promise.race([
    Promise.resolve(p).then(
      () => 'resolved' as const,
      () => 'rejected' as const,
    ),
    sleep(ms).then(() => 'pending' as const),
  ]);
}

suite('resume from this line: plumbing', () => {
  let log: vscode.TextEditor;
  let configText: string;
  const configUri = () => workspaceFile(fixture.config);

  suiteSetup(async () => {
    configText = fs.readFileSync(configUri().fsPath, 'utf8');
    log = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(fixture.log)), { preview: false });
  });

  // Back to the fixture's own value (its .vscode/settings.json), whatever a test left.
  const restoreStrategy = () =>
    vscode.workspace.getConfiguration('apeDts').update('resume.strategy', 'extractor', vscode.ConfigurationTarget.Workspace);
  suiteTeardown(restoreStrategy);

  test(`position.log opens as "${fixture.logLanguageId}" and activates the extension`, async () => {
    assert.equal(log.document.languageId, fixture.logLanguageId);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const deadline = Date.now() + 20_000;
    while (!extension.isActive && Date.now() < deadline) await sleep(100);
    assert.ok(extension.isActive, `${EXTENSION_ID} did not activate on opening ${fixture.log}`);
  });

  test('both resume commands are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of COMMANDS) assert.ok(all.includes(id), `${id} is not registered`);
  });

  test('the manifest puts "Resume from this line" in the position.log editor context menu', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const command = pkg.contributes.commands.find((c: { command: string }) => c.command === 'apeDts.resumeFromLine');
    assert.equal(command?.title, 'Resume from this line');
    const item = pkg.contributes.menus['editor/context'].find((m: { command: string }) => m.command === 'apeDts.resumeFromLine');
    assert.ok(item, 'no editor/context entry');
    assert.equal(item.group, 'navigation@90');
    assert.match(item.when, new RegExp(`editorLangId == ${fixture.logLanguageId}\\b`));
  });

  test('the workspace strategy setting is read: extractor, so no strategy pick', () => {
    assert.equal(vscode.workspace.getConfiguration('apeDts').get('resume.strategy'), 'extractor');
  });

  test('with apeDts.resume.strategy=auto the command waits on the strategy pick; Escape cancels and changes nothing', async () => {
    await vscode.workspace.getConfiguration('apeDts').update('resume.strategy', 'auto', vscode.ConfigurationTarget.Workspace);
    const running = vscode.commands.executeCommand('apeDts.resumeFromLine', {
      uri: log.document.uri.toString(),
      line: fixture.resume.checkpointLine - 1,
    });
    assert.equal(await settledWithin(running, 1_500), 'pending', 'the command finished without asking for a strategy');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await settledWithin(running, 5_000), 'resolved', 'cancelling the pick did not end the command');
    assert.equal(fs.readFileSync(configUri().fsPath, 'utf8'), configText, 'task_config.ini changed on disk');
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri().toString());
    assert.ok(!open?.isDirty, 'task_config.ini was edited');
  });

  test('outside a progress file, "Resume from this line" only explains where to run it', async () => {
    await restoreStrategy();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(configUri()), { preview: false });
    const running = vscode.commands.executeCommand('apeDts.resumeFromLine');
    assert.equal(await settledWithin(running, 5_000), 'resolved');
    assert.equal(fs.readFileSync(configUri().fsPath, 'utf8'), configText, 'task_config.ini changed on disk');
  });
});

suite('resume from this line: code lenses', () => {
  const { lenses } = fixture;

  test(`"${lenses.resume}" lenses sit on the checkpoint lines ${lenses.resumeLines.join(' and ')} and run the command for their line; none on the MySQL current_position line ${lenses.noResumeLine}`, async () => {
    const logUri = workspaceFile(fixture.log);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(logUri), { preview: false });
    let seenLenses: vscode.CodeLens[] = [];
    const resumeLenses = await waitFor(
      `"${lenses.resume}" lenses`,
      async () => {
        seenLenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', logUri, 100)) ?? [];
        const found = seenLenses.filter((l) => l.command?.title === lenses.resume);
        return found.length > 0 ? found : undefined;
      },
      () => seenLenses.map((l) => `${l.range.start.line + 1}: ${l.command?.title}`).join('; '),
    );
    assert.deepEqual(resumeLenses.map((l) => l.range.start.line + 1).sort(), lenses.resumeLines);
    for (const l of resumeLenses) {
      assert.equal(l.command?.command, 'apeDts.resumeFromLine');
      assert.deepEqual(l.command?.arguments, [{ uri: logUri.toString(), line: l.range.start.line }]);
    }
  });
});

suite('a resume config file with a name of its own', () => {
  test('named/start_here.txt, named by named/task_config.ini ([resumer] config_file), opens as "ape-dts-resume-config" and is checked', async () => {
    const uri = workspaceFile('named/start_here.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    // The client asks the server and switches the language mode: the document is reopened.
    const languageOf = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
    await waitFor('the resume config language', () => (languageOf() === 'ape-dts-resume-config' ? true : undefined), () => `languageId ${languageOf()}`);
    // And the server treats it as one: the hover on its line explains the position.
    const hovers = await waitFor(
      'a hover on the resume line',
      async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 40));
        return found.length > 0 ? found : undefined;
      },
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /73685/);
  });
});
