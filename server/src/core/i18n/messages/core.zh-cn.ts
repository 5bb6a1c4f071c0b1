import type { coreEn } from './core.en';

// 简体中文: the same ids as core.en.ts.
export const coreZhCn: Record<keyof typeof coreEn, string> = {
  'ini.encoding': '文件不是有效的 UTF-8（字节 0x{hex}）：ape-dts 按 UTF-8 读取 task_config.ini，加载会失败。请把文件另存为 UTF-8 编码。',
  'version.reason.set': '已设置为 {version}',
  'version.reason.legacy-key': 'auto：旧版 [resumer] 配置项 {key} 说明这是 ape-dts ≤ 2.0.24',
  'version.reason.current': 'auto：没有旧版配置项，按当前版本（≥ 2.0.26）检查',
};
