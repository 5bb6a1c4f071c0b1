import type { Locale } from './locale';
import { cliEn } from './messages/cli.en';
import { cliZhCn } from './messages/cli.zh-cn';
import { coreEn } from './messages/core.en';
import { coreZhCn } from './messages/core.zh-cn';
import { configRulesEn } from './messages/configRules.en';
import { configRulesZhCn } from './messages/configRules.zh-cn';
import { featuresEn } from './messages/features.en';
import { featuresZhCn } from './messages/features.zh-cn';
import { lspEn } from './messages/lsp.en';
import { lspZhCn } from './messages/lsp.zh-cn';
import { lspProgressEn } from './messages/lspProgress.en';
import { lspProgressZhCn } from './messages/lspProgress.zh-cn';
import { progressEn } from './messages/progress.en';
import { progressZhCn } from './messages/progress.zh-cn';
import { resumeEn } from './messages/resume.en';
import { resumeZhCn } from './messages/resume.zh-cn';

// One catalogue per language, assembled from the domain files. The domains only keep the
// files small enough to review; an id is unique across all of them (a test checks).

export const DOMAINS = {
  core: { en: coreEn, 'zh-cn': coreZhCn },
  configRules: { en: configRulesEn, 'zh-cn': configRulesZhCn },
  progress: { en: progressEn, 'zh-cn': progressZhCn },
  features: { en: featuresEn, 'zh-cn': featuresZhCn },
  resume: { en: resumeEn, 'zh-cn': resumeZhCn },
  lsp: { en: lspEn, 'zh-cn': lspZhCn },
  lspProgress: { en: lspProgressEn, 'zh-cn': lspProgressZhCn },
  cli: { en: cliEn, 'zh-cn': cliZhCn },
} as const;

const EN = {
  ...coreEn,
  ...configRulesEn,
  ...progressEn,
  ...featuresEn,
  ...resumeEn,
  ...lspEn,
  ...lspProgressEn,
  ...cliEn,
};

export type MessageId = keyof typeof EN;

export const CATALOGUES: Record<Locale, Record<MessageId, string>> = {
  en: EN,
  'zh-cn': {
    ...coreZhCn,
    ...configRulesZhCn,
    ...progressZhCn,
    ...featuresZhCn,
    ...resumeZhCn,
    ...lspZhCn,
    ...lspProgressZhCn,
    ...cliZhCn,
  },
};
