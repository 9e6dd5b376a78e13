import * as iconv from 'iconv-lite';
import { InputError } from './errors';

/** How a file's bytes were stored; `fix --write` writes back the same way. */
export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text without its byte-order mark; offsets reported by the CLI index into this. */
  text: string;
  encoding: FileEncoding;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a file the way it was written: BOM first, then strict UTF-8, then Windows-1252 only when
 * the bytes survive a round trip (otherwise writing back would change bytes we never meant to touch).
 * Throws `InputError` for binary data and undecodable bytes.
 */
export function decodeBytes(bytes: Buffer): DecodedText {
  if (startsWith(bytes, UTF8_BOM)) {
    return checked({ text: decodeUtf8(bytes.subarray(3)), encoding: 'utf-8-bom' });
  }
  if (startsWith(bytes, UTF16LE_BOM)) {
    return checked({ text: decodeUtf16(bytes.subarray(2), 'le'), encoding: 'utf-16le' });
  }
  if (startsWith(bytes, UTF16BE_BOM)) {
    return checked({ text: decodeUtf16(bytes.subarray(2), 'be'), encoding: 'utf-16be' });
  }
  if (bytes.includes(0) || looksBinary(bytes.subarray(0, 65536).toString('latin1'))) throw binaryError();
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
    return checked({ text, encoding: 'utf-8' });
  } catch {
    // Not UTF-8: fall through to the one legacy encoding we can store back losslessly.
  }
  text = iconv.decode(bytes, 'windows-1252');
  // iconv-lite reads the five undefined bytes as U+FFFD and writes U+FFFD back as 0x9D, so a round
  // trip alone would accept them; refuse them explicitly.
  if (text.includes('\uFFFD') || !iconv.encode(text, 'windows-1252').equals(bytes)) {
    throw new InputError('neither valid UTF-8 nor Windows-1252 (bytes 0x81, 0x8D, 0x8F, 0x90 or 0x9D); not read');
  }
  return checked({ text, encoding: 'windows-1252' });
}

/** Encodes text for writing back in `encoding`, BOM included; refuses anything that would lose characters. */
export function encodeText(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([UTF16LE_BOM, Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([UTF16BE_BOM, Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252': {
      const bytes = iconv.encode(text, 'windows-1252');
      if (text.includes('\uFFFD') || iconv.decode(bytes, 'windows-1252') !== text) {
        throw new InputError(
          'the repaired text has characters Windows-1252 cannot store; convert the file to UTF-8 first (file left unchanged)',
        );
      }
      return bytes;
    }
  }
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new InputError('starts with a UTF-8 byte-order mark but is not valid UTF-8; not read');
  }
}

function decodeUtf16(bytes: Buffer, order: 'le' | 'be'): string {
  if (bytes.length % 2 !== 0) throw new InputError('UTF-16 file with an odd number of bytes (truncated?); not read');
  // Buffer's utf16le keeps lone surrogates, so decode + encode gives back the same bytes.
  const le = order === 'le' ? bytes : Buffer.from(bytes).swap16();
  return le.toString('utf16le');
}

function checked(decoded: DecodedText): DecodedText {
  if (decoded.text.includes('\0') || looksBinary(decoded.text)) throw binaryError();
  return decoded;
}

/**
 * Text has next to no C0 control characters besides tab, line breaks and form feed; random or
 * compressed bytes without a NUL have about one in eight. Judged on the first 64 K characters.
 */
function looksBinary(text: string): boolean {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) controls++;
  }
  return controls > 8 && controls * 50 > head.length;
}

function binaryError(): InputError {
  return new InputError('binary file (NUL bytes or control characters; UTF-16 text needs a byte-order mark); not read');
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}
