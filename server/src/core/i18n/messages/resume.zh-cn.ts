import type { resumeEn } from './resume.en';

// 简体中文: the same ids as resume.en.ts.
export const resumeZhCn: Record<keyof typeof resumeEn, string> = {
};
