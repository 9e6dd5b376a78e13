import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { decodeBytes, encodeText, type FileEncoding } from '../../src/cli/encoding';
import { InputError } from '../../src/cli/errors';
import { writeTextAtomic } from '../../src/cli/io';
import { tempDir } from './cli-harness';

const SAMPLE = 'Huawei’s “IP” forum\r\nÉté — 6,600 filings\r\n';

function bytesFor(encoding: FileEncoding, text: string): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252':
      throw new Error('built by hand in the tests');
  }
}

describe('cli encoding', () => {
  for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'] as const) {
    it(`decodes ${encoding} without the BOM and encodes back to the same bytes`, () => {
      const bytes = bytesFor(encoding, SAMPLE);
      const decoded = decodeBytes(bytes);
      assert.deepStrictEqual(decoded, { text: SAMPLE, encoding });
      assert.ok(encodeText(decoded.text, encoding).equals(bytes));
    });
  }

  it('reads invalid UTF-8 as Windows-1252 when that round-trips, and writes it back byte for byte', () => {
    const bytes = Buffer.from([0x48, 0x75, 0x61, 0x77, 0x65, 0x69, 0x92, 0x73, 0x20, 0xe9, 0x0d, 0x0a]); // Huawei’s é
    const decoded = decodeBytes(bytes);
    assert.deepStrictEqual(decoded, { text: 'Huawei’s é\r\n', encoding: 'windows-1252' });
    assert.ok(encodeText(decoded.text, 'windows-1252').equals(bytes));
  });

  it('refuses bytes Windows-1252 leaves undefined', () => {
    for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      assert.throws(() => decodeBytes(Buffer.from([0x41, 0xe9, b, 0x42])), InputError, `byte 0x${b.toString(16)}`);
    }
  });

  it('refuses to write Windows-1252 text that gained characters it cannot store', () => {
    assert.throws(() => encodeText('Łódź', 'windows-1252'), /convert the file to UTF-8/);
    assert.throws(() => encodeText('a\uFFFDb', 'windows-1252'), /convert the file to UTF-8/);
  });

  it('refuses binary data: NUL bytes, and BOM-less UTF-16', () => {
    assert.throws(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), /binary file/);
    assert.throws(() => decodeBytes(Buffer.from('plain\0text')), /binary file/);
    // No NUL, but control characters throughout, as in compressed or random data.
    const noisy = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x01 + (i % 20) : 0x41 + (i % 26))));
    assert.throws(() => decodeBytes(noisy), /binary file/);
    // A stray control character in real text is fine.
    assert.strictEqual(decodeBytes(Buffer.from('These control characters \x1a are apparently intentional')).encoding, 'utf-8');
    assert.throws(() => decodeBytes(Buffer.from('no bom', 'utf16le')), /binary file/);
    assert.throws(() => decodeBytes(bytesFor('utf-16le', 'a\0b')), /binary file/);
  });

  it('refuses truncated UTF-16 and a UTF-8 BOM over invalid bytes', () => {
    assert.throws(() => decodeBytes(Buffer.concat([bytesFor('utf-16le', 'ab'), Buffer.from([0x41])])), /odd number of bytes/);
    assert.throws(() => decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0xe9, 0x41])), /not valid UTF-8/);
  });

  it('keeps lone surrogates in UTF-16 files', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00]); // high surrogate, then "A"
    const decoded = decodeBytes(bytes);
    assert.strictEqual(decoded.text, '\ud83dA');
    assert.ok(encodeText(decoded.text, 'utf-16le').equals(bytes));
  });
});

describe('cli atomic write', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('replaces the file, keeps its mode, encoding, BOM and CRLF, and leaves no temp file', async () => {
    const file = path.join(dir, 'release.txt');
    await fs.writeFile(file, bytesFor('utf-16be', 'old\r\ntext\r\n'));
    await fs.chmod(file, 0o640);
    const before = await fs.stat(file);
    await writeTextAtomic('release.txt', 'new’\r\ntext\r\n', 'utf-16be', dir);
    const after = await fs.stat(file);
    assert.ok((await fs.readFile(file)).equals(bytesFor('utf-16be', 'new’\r\ntext\r\n')));
    assert.strictEqual(after.mode & 0o7777, 0o640);
    assert.notStrictEqual(after.ino, before.ino, 'a rename, not an in-place overwrite');
    assert.deepStrictEqual(await fs.readdir(dir), ['release.txt']);
  });

  it('writes through a symlink and keeps the link', async () => {
    await fs.writeFile(path.join(dir, 'target.txt'), 'a');
    await fs.symlink('target.txt', path.join(dir, 'link.txt'));
    await writeTextAtomic('link.txt', 'b’', 'utf-8', dir);
    assert.ok((await fs.lstat(path.join(dir, 'link.txt'))).isSymbolicLink());
    assert.strictEqual(await fs.readFile(path.join(dir, 'target.txt'), 'utf8'), 'b’');
  });

  it('leaves the file untouched when the text cannot be encoded', async () => {
    const file = path.join(dir, 'legacy.txt');
    const original = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
    await fs.writeFile(file, original);
    await assert.rejects(writeTextAtomic('legacy.txt', 'café Łódź', 'windows-1252', dir), InputError);
    assert.ok((await fs.readFile(file)).equals(original));
    assert.deepStrictEqual(await fs.readdir(dir), ['legacy.txt']);
  });

  it('refuses to replace something that is not a regular file', async () => {
    await assert.rejects(writeTextAtomic('/dev/null', 'x', 'utf-8', dir), /not a regular file/);
    assert.ok((await fs.stat('/dev/null')).isCharacterDevice());
  });

  it('reports a missing file without creating it', async () => {
    await assert.rejects(writeTextAtomic('gone.txt', 'x', 'utf-8', dir), /no such file/);
    assert.deepStrictEqual(await fs.readdir(dir), []);
  });
});
