import { beforeEach, describe, expect, it, vi } from 'vitest';

// Issue 8: in an untrusted workspace the resume commands still plan and preview, but write
// nothing until the user says yes a second time, to a modal that names the files. The client
// runs against a stand-in for the `vscode` module (only what resumeCommand.ts touches).

const ui = vi.hoisted(() => ({
  trusted: false,
  /** What each showWarningMessage call answers, in order; undefined = dismissed. */
  answers: [] as (string | undefined)[],
  warnings: [] as { message: string; options: { modal?: boolean; detail?: string }; buttons: string[] }[],
  infos: [] as string[],
  applied: 0,
  commands: new Map<string, (...args: unknown[]) => Promise<void>>(),
}));

vi.mock('vscode', () => {
  const uri = (s: string) => ({ toString: () => s, fsPath: s.replace(/^file:\/\//, ''), path: s.replace(/^file:\/\//, '') });
  const fill = (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_w, i: string) => String(args[Number(i)]));
  return {
    l10n: { t: fill },
    Uri: { parse: uri, from: ({ path }: { path: string }) => uri(`apedts-preview://${path}`) },
    Disposable: { from: () => ({ dispose() {} }) },
    EventEmitter: class {
      event = () => ({ dispose() {} });
      fire() {}
    },
    Range: class {},
    WorkspaceEdit: class {
      replace() {}
      createFile() {}
    },
    commands: {
      registerCommand: (id: string, fn: (...args: unknown[]) => Promise<void>) => ui.commands.set(id, fn),
      executeCommand: async () => undefined,
    },
    window: {
      activeTextEditor: undefined,
      showInformationMessage: async (message: string) => void ui.infos.push(message),
      showErrorMessage: async () => undefined,
      showQuickPick: async () => undefined,
      showWarningMessage: async (message: string, options: { modal?: boolean; detail?: string }, ...buttons: string[]) => {
        ui.warnings.push({ message, options, buttons });
        return ui.answers.shift();
      },
    },
    workspace: {
      get isTrusted() {
        return ui.trusted;
      },
      getConfiguration: () => ({ get: () => 'extractor' }),
      asRelativePath: (u: { path: string }) => u.path.split('/').slice(-2).join('/'),
      applyEdit: async () => {
        ui.applied++;
        return true;
      },
      openTextDocument: async () => ({ save: async () => true }),
    },
  };
});

import { registerResumeCommands } from '../../../client/src/resumeCommand';
import { ResumePreview } from '../../../client/src/resumePreview';

const PLAN = {
  kind: 'plan',
  configUri: 'file:///task/task_config.ini',
  version: '2.0.26',
  versionReason: 'setting',
  strategy: 'resume-file',
  line: 2,
  tag: 'checkpoint_position',
  variant: 'MysqlCdc',
  notes: [],
  warnings: [],
  configEdits: [],
  newConfigText: '',
  files: [{ uri: 'file:///task/resume.config', text: '{}', exists: false }],
};
const client = { sendRequest: async () => PLAN };

async function resume(): Promise<void> {
  await ui.commands.get('apeDts.resumeFromLine')!({ uri: 'file:///task/logs/position.log', line: 2 });
}

beforeEach(() => {
  Object.assign(ui, { answers: [], warnings: [], infos: [], applied: 0 });
  ui.commands.clear();
  registerResumeCommands(client as never, new ResumePreview());
});

describe('resume commands and workspace trust', () => {
  it('in a trusted workspace, Apply writes at once', async () => {
    ui.trusted = true;
    ui.answers = ['Apply'];
    await resume();
    expect(ui.warnings.map((w) => w.message)).toEqual(['Resume from line 3 (MysqlCdc)?']);
    expect(ui.applied).toBe(1);
  });

  it('in an untrusted workspace, Apply is followed by a modal naming every file, and declining writes nothing', async () => {
    ui.trusted = false;
    ui.answers = ['Apply', undefined];
    await resume();
    expect(ui.warnings).toHaveLength(2);
    const [, trust] = ui.warnings;
    expect(trust.message).toBe('This workspace is not trusted. Write the resume edit anyway?');
    expect(trust.options.modal).toBe(true);
    expect(trust.options.detail).toBe('These files will be changed: task/task_config.ini, task/resume.config');
    expect(trust.buttons).toEqual(['Write anyway']);
    expect(ui.applied).toBe(0);
    expect(ui.infos).toEqual([]);
  });

  it('in an untrusted workspace, "Write anyway" writes', async () => {
    ui.trusted = false;
    ui.answers = ['Apply', 'Write anyway'];
    await resume();
    expect(ui.applied).toBe(1);
    expect(ui.infos).toEqual(['ape-dts will resume from line 3 on its next start. Undo (Ctrl+Z in the task config) reverts the change.']);
  });

  it('cancelling the first modal asks nothing more, trusted or not', async () => {
    ui.trusted = false;
    ui.answers = [undefined];
    await resume();
    expect(ui.warnings).toHaveLength(1);
    expect(ui.applied).toBe(0);
  });
});
