import { firstInvalidUtf8 } from '../decodeText';

// ape-dts reads progress files as UTF-8 (read_to_string / lines()): a byte that is not UTF-8
// fails the read. We decode leniently for display and report where the first bad byte is.

export function decodeProgressBytes(bytes: Uint8Array): { text: string; invalidUtf8?: { line: number; character: number } } {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text };
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, bad));
  const line = before.split('\n').length - 1;
  return { text, invalidUtf8: { line, character: before.length - (before.lastIndexOf('\n') + 1) } };
}
