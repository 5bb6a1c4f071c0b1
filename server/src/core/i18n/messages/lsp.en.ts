// English texts of the lsp domain; see README.md for ids and placeholders.
export const lspEn = {
  // resumeRequest.ts
  'lsp.resume.open-first': 'Open a position.log or a task config first.',
  'lsp.resume.matched.config-folder': "log_dir resolved against the config's folder",
  'lsp.resume.matched.workspace-folder': 'log_dir resolved against the workspace folder {folder}',
  'lsp.resume.task-note': 'Task: {file} ({matchedBy}).',
  // server.ts
  'lsp.resume.failed': 'ape-dts: planning the resume failed: {error}',
  'lsp.log.failed': 'ape-dts: {what} failed: {error}',
  'lsp.log.indexing': 'indexing the workspace',
  'lsp.log.linting': 'linting {uri}',
  // settings.ts
  'lsp.settings.unreadable': 'ape-dts: could not read settings for {uri}: {error}',
  // workspaceTasks.ts
  'lsp.workspace.too-many': 'ape-dts: {count} task configs in the workspace; the shared log_dir check is off.',
  // publishCap.ts
  'lsp.too-many-problems': '{count} more problems are not shown (at most {max} per file); `apedts lint` lists them all.',
} as const satisfies Record<string, string>;
