import type { lspProgressEn } from './lspProgress.en';

// 简体中文: the same ids as lspProgress.en.ts.
export const lspProgressZhCn: Record<keyof typeof lspProgressEn, string> = {
};
