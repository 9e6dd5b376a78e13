// Reads the translated strings (msgstr) out of a GNU gettext .mo catalog. Format: a magic number,
// a string count and two tables of (length, offset) pairs — originals and translations.
'use strict';

const MAGIC = 0x950412de;

/**
 * Returns the msgstr texts of a catalog, decoded from the charset its header declares.
 * Catalogs in a charset other than UTF-8 are skipped (returns []), so the corpus stays real UTF-8.
 */
function moTranslations(buf) {
  if (buf.length < 28) return [];
  let read;
  if (buf.readUInt32LE(0) === MAGIC) read = (o) => buf.readUInt32LE(o);
  else if (buf.readUInt32BE(0) === MAGIC) read = (o) => buf.readUInt32BE(o);
  else return [];
  const count = read(8);
  const originals = read(12);
  const translations = read(16);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out = [];
  for (let i = 0; i < count; i++) {
    const origLen = read(originals + i * 8);
    const len = read(translations + i * 8);
    const off = read(translations + i * 8 + 4);
    if (off + len > buf.length) return out; // truncated catalog: keep what was read
    const bytes = buf.subarray(off, off + len);
    if (origLen === 0) {
      // Header entry: check the charset, never keep it as text.
      const header = bytes.toString('latin1');
      const cs = /charset=([\w-]+)/i.exec(header);
      if (cs && !/^utf-?8$/i.test(cs[1])) return [];
      continue;
    }
    let text;
    try {
      text = decoder.decode(bytes);
    } catch {
      continue; // not valid UTF-8 despite the header
    }
    // Plural forms are NUL-separated.
    for (const form of text.split('\0')) if (form) out.push(form);
  }
  return out;
}

module.exports = { moTranslations };
