import { t } from '../../i18n';
// PostgreSQL writes an LSN as two hex halves `hi/lo` (e.g. 0/5D65CB0, no zero padding).
// ape-dts keeps it as a string and only parses it when it compares it with the slot's
// confirmed_flush_lsn, so a malformed LSN is accepted in the log and fails at start.

const LSN = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** The LSN as one 64-bit number, `(hi << 32) | lo`, or undefined when it is not `X/Y` hex. */
export function parsePgLsn(text: string): bigint | undefined {
  const m = LSN.exec(text);
  if (!m) return undefined;
  return (BigInt('0x' + m[1]) << 32n) | BigInt('0x' + m[2]);
}

/** Why the text is not an LSN ape-dts can use, or undefined when it is one. */
export function pgLsnProblem(text: string): string | undefined {
  if (text === '') return t('progress.problem.empty');
  if (/\s/.test(text)) return t('progress.problem.lsn.space');
  if (!text.includes('/')) return t('progress.problem.lsn.slash');
  return LSN.test(text) ? undefined : t('progress.problem.lsn.halves');
}
