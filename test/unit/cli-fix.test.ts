import * as assert from 'assert';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { repair } from '../../src/core';
import { decodeBytes, encodeText, type FileEncoding } from '../../src/cli/encoding';
import { FIXTURES, runCli, SEED_PATH, useFolderAndSeed } from './cli-harness';

describe('cli fix', () => {
  const ctx = useFolderAndSeed();

  it('prints the engine repair of the seed to stdout and leaves the file alone', async () => {
    await fs.copyFile(SEED_PATH, path.join(ctx.dir, 'seed.txt'));
    const r = await runCli(['fix', 'seed.txt'], { cwd: ctx.dir });
    assert.deepStrictEqual(r, { code: 0, stdout: repair(ctx.seed).text, stderr: '' });
    assert.strictEqual(await fs.readFile(path.join(ctx.dir, 'seed.txt'), 'utf8'), ctx.seed);
  });

  it('repairs stdin with --min-confidence passed to the engine', async () => {
    const r = await runCli(['fix', '--min-confidence', '0.95', '-'], { stdin: ctx.seed });
    assert.strictEqual(r.stdout, repair(ctx.seed, { minConfidence: 0.95 }).text);
  });

  it('matches test/fixtures/seed.repaired.txt', async function () {
    const fixture = path.join(FIXTURES, 'seed.repaired.txt');
    if (!existsSync(fixture)) this.skip(); // written by the lead once the detector lands
    const r = await runCli(['fix', SEED_PATH]);
    assert.strictEqual(r.stdout, await fs.readFile(fixture, 'utf8'));
  });

  // The seed in every encoding the CLI writes back, with CRLF line endings for good measure.
  const encodings: FileEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'];
  for (const encoding of encodings) {
    it(`--write keeps ${encoding}, CRLF and the file mode, atomically`, async () => {
      const text = ctx.seed.replace(/\r?\n/g, '\r\n');
      const file = path.join(ctx.dir, 'release.txt');
      await fs.writeFile(file, encodeText(text, encoding));
      await fs.chmod(file, 0o604);
      assert.strictEqual(decodeBytes(await fs.readFile(file)).encoding, encoding, 'precondition: detected as written');

      const expected = repair(text);
      const r = await runCli(['fix', '--write', 'release.txt'], { cwd: ctx.dir });
      assert.strictEqual(r.code, 0, r.stderr);
      const n = expected.applied.length;
      assert.strictEqual(r.stdout, n > 0 ? `release.txt: ${n} repair${n === 1 ? '' : 's'} written\n` : '');
      const bytes = await fs.readFile(file);
      assert.ok(bytes.equals(encodeText(expected.text, encoding)), 'bytes = repaired text in the same encoding');
      const back = decodeBytes(bytes);
      assert.strictEqual(back.encoding, encoding);
      assert.ok(!/[^\r]\n/.test(back.text), 'no bare LF introduced');
      assert.strictEqual((await fs.stat(file)).mode & 0o7777, 0o604);
      assert.deepStrictEqual(await fs.readdir(ctx.dir), ['release.txt'], 'no temp file left');
    });
  }

  it('--write twice changes nothing the second time', async () => {
    await fs.copyFile(SEED_PATH, path.join(ctx.dir, 'seed.txt'));
    await runCli(['fix', '--write', 'seed.txt'], { cwd: ctx.dir });
    const once = await fs.readFile(path.join(ctx.dir, 'seed.txt'));
    const mtime = (await fs.stat(path.join(ctx.dir, 'seed.txt'))).mtimeMs;
    const r = await runCli(['fix', '--write', 'seed.txt'], { cwd: ctx.dir });
    assert.deepStrictEqual(r, { code: 0, stdout: '', stderr: '' });
    assert.ok((await fs.readFile(path.join(ctx.dir, 'seed.txt'))).equals(once));
    assert.strictEqual((await fs.stat(path.join(ctx.dir, 'seed.txt'))).mtimeMs, mtime, 'not rewritten');
  });

  it('leaves a binary file untouched and exits 2', async () => {
    const file = path.join(ctx.dir, 'data.bin');
    const bytes = Buffer.concat([Buffer.from('Huaweiâ€™s '), Buffer.from([0, 1, 2, 0xff])]);
    await fs.writeFile(file, bytes);
    const r = await runCli(['fix', '--write', 'data.bin'], { cwd: ctx.dir });
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /^clean-copy: data\.bin: binary file.*\n$/);
    assert.ok((await fs.readFile(file)).equals(bytes));
  });

  it('refuses a file that is neither UTF-8 nor Windows-1252 and leaves it untouched', async () => {
    const file = path.join(ctx.dir, 'odd.txt');
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x81, 0x0a]);
    await fs.writeFile(file, bytes);
    const r = await runCli(['fix', '--write', 'odd.txt'], { cwd: ctx.dir });
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^clean-copy: odd\.txt: neither valid UTF-8 nor Windows-1252/);
    assert.ok((await fs.readFile(file)).equals(bytes));
  });

  it('rejects a bad --min-confidence before touching anything', async () => {
    await fs.copyFile(SEED_PATH, path.join(ctx.dir, 'seed.txt'));
    for (const value of ['1.5', '-1', 'high', '']) {
      const r = await runCli(['fix', '--write', '--min-confidence', value, 'seed.txt'], { cwd: ctx.dir });
      assert.strictEqual(r.code, 2, value);
      assert.match(r.stderr, /--min-confidence must be a number from 0 to 1/);
    }
    assert.strictEqual(await fs.readFile(path.join(ctx.dir, 'seed.txt'), 'utf8'), ctx.seed);
  });

  it('processes every file, reports each failure, exits with the worst code', async () => {
    await fs.writeFile(path.join(ctx.dir, 'a.txt'), 'first\n');
    await fs.writeFile(path.join(ctx.dir, 'b.txt'), 'second\n');
    const r = await runCli(['fix', 'a.txt', 'missing.txt', 'b.txt'], { cwd: ctx.dir });
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stdout, repair('first\n').text + repair('second\n').text);
    assert.strictEqual(r.stderr, 'clean-copy: missing.txt: no such file\n');
  });
});
