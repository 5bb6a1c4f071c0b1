import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PlanResumeParams, PlanResumeResponse } from '../../server/src/lsp/resumeRequest';
import { ResumePreview } from './resumePreview';

// "Resume from this line" / "Resume from latest checkpoint": ask the server for a plan,
// let the user settle what the plan needs (which task, which strategy, a risky line), show
// the edit as a diff, and apply it as one undoable workspace edit. Every text goes through
// vscode.l10n.t (translations in l10n/bundle.l10n.<language>.json, keyed by the English).

const PLAN_RESUME_REQUEST = 'apeDts/planResume';
type Plan = Extract<PlanResumeResponse, { kind: 'plan' }>;
type Strategy = NonNullable<PlanResumeParams['strategy']>;

interface LineArgs {
  uri?: string;
  line?: number;
}

const PROGRESS_LANGUAGES = ['ape-dts-position', 'ape-dts-resume-config'];

export function registerResumeCommands(client: LanguageClient, preview: ResumePreview): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('apeDts.resumeFromLine', (args?: LineArgs) => run(client, preview, lineTarget(args))),
    vscode.commands.registerCommand('apeDts.resumeFromLatest', (args?: LineArgs) => run(client, preview, latestTarget(args))),
  );
}

function lineTarget(args?: LineArgs): PlanResumeParams | undefined {
  if (args?.uri !== undefined && args.line !== undefined) return { logUri: args.uri, line: args.line };
  const editor = vscode.window.activeTextEditor;
  if (!editor || !PROGRESS_LANGUAGES.includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a position.log (or resume config) and put the cursor on the line to resume from.'));
    return undefined;
  }
  return { logUri: editor.document.uri.toString(), line: editor.selection.active.line };
}

function latestTarget(args?: LineArgs): PlanResumeParams | undefined {
  if (args?.uri) return { logUri: args.uri, line: 'latest' };
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && PROGRESS_LANGUAGES.includes(doc.languageId)) return { logUri: doc.uri.toString(), line: 'latest' };
  if (doc?.languageId === 'ape-dts-config') return { configUri: doc.uri.toString(), line: 'latest' };
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a position.log or a task config first.'));
  return undefined;
}

async function run(client: LanguageClient, preview: ResumePreview, target: PlanResumeParams | undefined): Promise<void> {
  if (!target) return;
  const strategy = await chooseStrategy();
  if (strategy === null) return;
  let params: PlanResumeParams = { ...target, ...(strategy ? { strategy } : {}) };
  for (;;) {
    const answer = await client.sendRequest<PlanResumeResponse>(PLAN_RESUME_REQUEST, params);
    if (answer.kind === 'chooseConfig') {
      const configUri = await chooseConfig(answer);
      if (!configUri) return;
      params = { ...params, configUri };
      continue;
    }
    if (answer.kind === 'refused') {
      const next = await handleRefusal(answer, params);
      if (!next) return;
      params = next;
      continue;
    }
    await previewAndApply(answer, preview);
    return;
  }
}

/** undefined = the default for the position; null = cancelled. */
async function chooseStrategy(): Promise<Strategy | undefined | null> {
  const setting = vscode.workspace.getConfiguration('apeDts').get<string>('resume.strategy', 'auto');
  if (setting === 'extractor' || setting === 'resume-file') return setting;
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Recommended for this position'), description: vscode.l10n.t('CDC: [extractor] keys; snapshot: resume file'), value: undefined },
      { label: vscode.l10n.t('Set the [extractor] start keys'), description: vscode.l10n.t('and switch off resumers that would override them'), value: 'extractor' as const },
      { label: vscode.l10n.t('Write a resume config file'), description: vscode.l10n.t('and point [resumer] at it'), value: 'resume-file' as const },
    ],
    { title: vscode.l10n.t('ape-dts: how should the task start there?'), placeHolder: vscode.l10n.t('Strategy (apeDts.resume.strategy)') },
  );
  return picked ? picked.value : null;
}

async function chooseConfig(answer: Extract<PlanResumeResponse, { kind: 'chooseConfig' }>): Promise<string | undefined> {
  if (answer.candidates.length > 1) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t("{0} task configs write to this log folder. Tasks sharing a log_dir break resuming: each may resume from another's position. Give every task its own [runtime] log_dir.", answer.candidates.length),
    );
  }
  const list = answer.candidates.length > 0 ? answer.candidates.map((c) => ({ uri: c.uri, detail: c.matchedBy })) : answer.all.map((uri) => ({ uri, detail: vscode.l10n.t('its log_dir does not point at this folder') }));
  if (list.length === 0) {
    const picked = await vscode.window.showOpenDialog({ title: vscode.l10n.t('Which task_config.ini does this log belong to?'), filters: { [vscode.l10n.t('ape-dts task config')]: ['ini'] } });
    return picked?.[0]?.toString();
  }
  const picked = await vscode.window.showQuickPick(
    list.map((c) => ({ label: vscode.workspace.asRelativePath(vscode.Uri.parse(c.uri)), detail: c.detail, uri: c.uri })),
    { title: vscode.l10n.t('Which task does this log belong to?') },
  );
  return picked?.uri;
}

async function handleRefusal(answer: Extract<PlanResumeResponse, { kind: 'refused' }>, params: PlanResumeParams): Promise<PlanResumeParams | undefined> {
  const detail = answer.warnings.map((w) => `${w.id}: ${w.message}`).join('\n\n') || undefined;
  if (answer.suggestedLine !== undefined) {
    const useCheckpoint = vscode.l10n.t('Use line {0}', answer.suggestedLine + 1);
    const anyway = vscode.l10n.t('Resume from this line anyway');
    const choice = await vscode.window.showWarningMessage(answer.reason, { modal: true, detail }, useCheckpoint, anyway);
    if (choice === useCheckpoint) return { ...params, line: answer.suggestedLine };
    if (choice === anyway) return { ...params, allowCurrent: true };
    return undefined;
  }
  void vscode.window.showErrorMessage(answer.reason);
  return undefined;
}

async function previewAndApply(plan: Plan, preview: ResumePreview): Promise<void> {
  const configUri = vscode.Uri.parse(plan.configUri);
  const right = preview.show(configUri, plan.newConfigText);
  const title = vscode.l10n.t('{0} ↔ resume from line {1} (preview)', path.basename(configUri.fsPath), plan.line + 1);
  await vscode.commands.executeCommand('vscode.diff', configUri, right, title, { preview: true });
  const warnings = plan.warnings.map((w) => `⚠ ${w.id}: ${w.message}`);
  const files = plan.files.map((f) => {
    const name = vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri));
    return f.exists ? vscode.l10n.t('Replaces {0}.', name) : vscode.l10n.t('Creates {0}.', name);
  });
  const detail = [vscode.l10n.t('ape-dts {0} ({1}); strategy: {2}.', plan.version, plan.versionReason, plan.strategy), ...files, ...plan.notes, ...warnings].join('\n\n');
  const apply = vscode.l10n.t('Apply');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Resume from line {0} ({1})?', plan.line + 1, plan.variant), { modal: true, detail }, apply);
  if (choice !== apply) return;
  if (!(await confirmUntrustedWrite(plan))) return;

  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.configEdits) {
    edit.replace(configUri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  for (const f of plan.files) edit.createFile(vscode.Uri.parse(f.uri), { overwrite: true, contents: new TextEncoder().encode(f.text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('ape-dts: the edit could not be applied (the file changed meanwhile?). Nothing was changed.'));
    return;
  }
  // The plan is only real once ape-dts can read it from disk.
  const doc = await vscode.workspace.openTextDocument(configUri);
  await doc.save();
  void vscode.window.showInformationMessage(vscode.l10n.t('ape-dts will resume from line {0} on its next start. Undo (Ctrl+Z in the task config) reverts the change.', plan.line + 1));
}

/**
 * In an untrusted workspace (restricted mode) linting runs, but nothing is written without a
 * second, explicit yes that names every file: the files of such a folder may come from anyone,
 * and a resume edit changes what a task does on its next start.
 */
async function confirmUntrustedWrite(plan: Plan): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const targets = [plan.configUri, ...plan.files.map((f) => f.uri)].map((u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u)));
  const write = vscode.l10n.t('Write anyway');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('This workspace is not trusted. Write the resume edit anyway?'),
    { modal: true, detail: vscode.l10n.t('These files will be changed: {0}', targets.join(', ')) },
    write,
  );
  return choice === write;
}
