import type { featuresEn } from './features.en';

// 简体中文: the same ids as features.en.ts.
export const featuresZhCn: Record<keyof typeof featuresEn, string> = {
};
