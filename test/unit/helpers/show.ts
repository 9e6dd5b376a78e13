/**
 * A string made readable in test output: invisible and ambiguous characters (controls, C1, NBSP,
 * soft hyphen, zero-width, lone surrogates, U+FFFD) are shown as \u{..}; everything else literally.
 */
export function show(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isSurrogate = c >= 0xd800 && c <= 0xdfff;
    if (isSurrogate && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
        continue;
      }
    }
    const invisible =
      c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad || (c >= 0x200b && c <= 0x200f) || c === 0xfeff || c === 0xfffd || isSurrogate;
    out += invisible ? `\\u{${c.toString(16).toUpperCase()}}` : s[i];
  }
  return JSON.stringify(out).replace(/\\\\u\{/g, '\\u{');
}
