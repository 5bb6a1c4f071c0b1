import { t } from './i18n';
import { range, type Diagnostic } from './diagnostic';

// ape-dts reads task_config.ini with Rust's `fs::read_to_string`, which accepts UTF-8 only:
// 2.0.24–2.0.26 panic on other bytes, head reports IO001. It also keeps a leading BOM, so we
// keep it too (ignoreBOM) and let the BOM rules see the text ape-dts sees.

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeConfigBytes(bytes: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: decoder.decode(bytes) };
  return { diagnostic: encodingDiagnostic(bytes, bad) };
}

function encodingDiagnostic(bytes: Uint8Array, bad: number): Diagnostic {
  // Everything before `bad` is valid UTF-8, so it decodes to the text the editor shows up to there.
  const before = decoder.decode(bytes.subarray(0, bad));
  const line = before.split('\n').length - 1;
  const character = before.length - (before.lastIndexOf('\n') + 1);
  const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
  return {
    range: range(line, character, character + 1),
    severity: 'error',
    code: 'ini.encoding',
    message:
t('ini.encoding', { hex }),
  };
}

/**
 * Offset of the first byte of the first ill-formed sequence (what Rust's `Utf8Error::valid_up_to`
 * reports), or -1. Follows Unicode's table of well-formed byte sequences: no overlongs, no
 * surrogates, nothing above U+10FFFF, no truncated sequence at the end.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    // Only the second byte has a narrowed range; the rest are plain continuation bytes.
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c === undefined || c < min || c > max) return i;
    }
    i += need + 1;
  }
  return -1;
}
