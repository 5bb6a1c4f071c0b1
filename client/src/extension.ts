import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerConfigFileGlobs } from './configFileGlobs';
import { registerResumeCommands } from './resumeCommand';
import { registerResumeConfigLanguage } from './resumeConfigLanguage';
import { PREVIEW_SCHEME, ResumePreview } from './resumePreview';
import { registerVersionStatus } from './versionStatus';

// The client only starts the bundled language server and shows what it reports; every
// check runs in the server (and the same core backs the `apedts` CLI).

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // --nolazy so breakpoints bind before a function first runs; attach a debugger on 6009.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'ape-dts-config' }, { language: 'ape-dts-position' }, { language: 'ape-dts-finished' }, { language: 'ape-dts-resume-config' }],
    synchronize: {
      configurationSection: 'apeDts',
      fileEvents: [
        // Neighbouring task configs matter to the shared log_dir check.
        vscode.workspace.createFileSystemWatcher('**/*task_config*.ini'),
        // A running task appends to position.log: the resume prediction lenses follow it.
        vscode.workspace.createFileSystemWatcher('**/{position*.log,finished.log,*.config}'),
      ],
    },
  };
  client = new LanguageClient('apeDts', 'ape-dts', serverOptions, clientOptions);
  const preview = new ResumePreview();
  context.subscriptions.push(
    registerConfigFileGlobs(),
    registerVersionStatus(client),
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview),
    registerResumeCommands(client, preview),
  );
  await client.start();
  // After start: it asks the server, which knows the task configs only once it runs.
  context.subscriptions.push(registerResumeConfigLanguage(client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
