import type { cliEn } from './cli.en';

// 简体中文: the same ids as cli.en.ts.
export const cliZhCn: Record<keyof typeof cliEn, string> = {
};
