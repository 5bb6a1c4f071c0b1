import type { lspEn } from './lsp.en';

// 简体中文: the same ids as lsp.en.ts.
export const lspZhCn: Record<keyof typeof lspEn, string> = {
  // resumeRequest.ts
  'lsp.resume.open-first': '请先打开一个 position.log 或任务配置。',
  'lsp.resume.matched.config-folder': 'log_dir 相对于任务配置所在目录解析',
  'lsp.resume.matched.workspace-folder': 'log_dir 相对于工作区目录 {folder} 解析',
  'lsp.resume.task-note': '任务：{file}（{matchedBy}）。',
  // server.ts
  'lsp.resume.failed': 'ape-dts：规划断点续传失败：{error}',
  'lsp.log.failed': 'ape-dts：{what} 失败：{error}',
  'lsp.log.indexing': '索引工作区',
  'lsp.log.linting': '检查 {uri}',
  // settings.ts
  'lsp.settings.unreadable': 'ape-dts：无法读取 {uri} 的设置：{error}',
  // workspaceTasks.ts
  'lsp.workspace.too-many': 'ape-dts：工作区中有 {count} 个任务配置，已关闭共享 log_dir 的检查。',
  // publishCap.ts
  'lsp.too-many-problems': '另有 {count} 个问题未显示（每个文件最多显示 {max} 个）；`apedts lint` 会列出全部问题。',
};
