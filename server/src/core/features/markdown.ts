import type { Diagnostic } from '../diagnostic';
import type { Masker } from './maskSecrets';

// Markdown building blocks for hovers and completion docs. Values come from user files, so
// they can hold backticks (MySQL filter names are quoted with them) or markdown characters.

/** Inline code that survives backticks inside the text. */
export function code(text: string): string {
  if (text === '') return '(empty)';
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function codeBlock(language: string, text: string): string {
  const runs = text.match(/`{3,}/g) ?? [];
  const fence = '`'.repeat(Math.max(2, ...runs.map((r) => r.length)) + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

const SEVERITY_WORD: Record<Diagnostic['severity'], string> = {
  error: 'Error',
  warning: 'Warning',
  information: 'Info',
  hint: 'Hint',
};

/** The problems on a line and why they fire; messages are masked because some quote values. */
export function diagnosticsSection(diagnostics: Diagnostic[], mask: Masker): string[] {
  if (diagnostics.length === 0) return [];
  return [
    '---',
    ...diagnostics.map((d) => `**${SEVERITY_WORD[d.severity]}** ${code(d.code)} — ${mask(d.message)}`),
  ];
}
