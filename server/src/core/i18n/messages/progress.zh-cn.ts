import type { progressEn } from './progress.en';

// 简体中文: the same ids as progress.en.ts.
export const progressZhCn: Record<keyof typeof progressEn, string> = {
};
