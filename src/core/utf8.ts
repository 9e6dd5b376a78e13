/** Just enough UTF-8 to read a byte sequence back: valid sequence lengths and decoding. */

/** Number of continuation bytes a lead byte needs, or -1 if it cannot start a multi-byte sequence. */
export function continuationCount(b0: number): number {
  if (isTwoByteLead(b0)) return 1;
  if (b0 >= 0xe0 && b0 <= 0xef) return 2;
  if (b0 >= 0xf0 && b0 <= 0xf4) return 3;
  return -1;
}

/** A lead byte of a two-byte sequence (C2–DF), as a Latin-1 glyph in mojibake: `Ã`, `Ä`, `Å`… */
export function isTwoByteLead(b: number): boolean {
  return b >= 0xc2 && b <= 0xdf;
}

export function isContinuation(b: number): boolean {
  return b >= 0x80 && b <= 0xbf;
}

/** Is `b1` allowed as the first continuation after `b0` (no overlongs, no surrogates, ≤ U+10FFFF)? */
export function secondByteOk(b0: number, b1: number): boolean {
  if (b0 === 0xe0) return b1 >= 0xa0 && b1 <= 0xbf;
  if (b0 === 0xed) return b1 >= 0x80 && b1 <= 0x9f;
  if (b0 === 0xf0) return b1 >= 0x90 && b1 <= 0xbf;
  if (b0 === 0xf4) return b1 >= 0x80 && b1 <= 0x8f;
  return isContinuation(b1);
}

/** Decodes one complete, valid multi-byte sequence to a string (one or two UTF-16 units). */
export function decodeSequence(bytes: readonly number[]): string {
  const b0 = bytes[0];
  let cp: number;
  if (bytes.length === 2) cp = ((b0 & 0x1f) << 6) | (bytes[1] & 0x3f);
  else if (bytes.length === 3) cp = ((b0 & 0x0f) << 12) | ((bytes[1] & 0x3f) << 6) | (bytes[2] & 0x3f);
  else cp = ((b0 & 0x07) << 18) | ((bytes[1] & 0x3f) << 12) | ((bytes[2] & 0x3f) << 6) | (bytes[3] & 0x3f);
  // (A CESU-8 surrogate comes out as its lone UTF-16 unit; the caller pairs or drops it.)
  return cp > 0xffff ? String.fromCharCode(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)) : String.fromCharCode(cp);
}

/** The UTF-8 bytes of `s`. */
export function encodeUtf8(s: string): number[] {
  return [...Buffer.from(s, 'utf8')];
}

export function hex(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

export function codePointLabel(s: string): string {
  return [...s].map((ch) => 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ');
}
