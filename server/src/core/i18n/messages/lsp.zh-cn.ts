import type { lspEn } from './lsp.en';

// 简体中文: the same ids as lsp.en.ts.
export const lspZhCn: Record<keyof typeof lspEn, string> = {
};
