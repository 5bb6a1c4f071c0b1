import type { Diagnostic } from '../diagnostic';
import { t, type MessageId } from '../i18n';
import type { Masker } from './maskSecrets';

// Markdown building blocks for hovers and completion docs. Values come from user files, so
// they can hold backticks (MySQL filter names are quoted with them) or markdown characters.

/** The longest run of backticks in the text (a loop: a spread of a huge match list overflows the stack). */
function longestRun(text: string, min: number): number {
  let longest = 0;
  for (const run of text.match(new RegExp(`\`{${min},}`, 'g')) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** At most `max` characters of a value taken from the file, saying how much was left out. */
export function clip(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}${t('hover.clip.more', { count: text.length - max })}`;
}

/** Inline code that survives backticks inside the text. */
export function code(text: string): string {
  if (text === '') return t('hover.code.empty');
  const fence = '`'.repeat(longestRun(text, 1) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function codeBlock(language: string, text: string): string {
  const fence = '`'.repeat(Math.max(2, longestRun(text, 3)) + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

const SEVERITY_WORD: Record<Diagnostic['severity'], MessageId> = {
  error: 'hover.severity.error',
  warning: 'hover.severity.warning',
  information: 'hover.severity.information',
  hint: 'hover.severity.hint',
};

/** The problems on a line and why they fire; messages are masked because some quote values. */
export function diagnosticsSection(diagnostics: Diagnostic[], mask: Masker): string[] {
  if (diagnostics.length === 0) return [];
  return [
    '---',
    ...diagnostics.map((d) => `**${t(SEVERITY_WORD[d.severity])}** ${code(d.code)} — ${mask(d.message)}`),
  ];
}
