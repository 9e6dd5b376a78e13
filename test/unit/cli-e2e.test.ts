import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { promises as fs, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { detect, repair } from '../../src/core';
import { SEED_PATH, tempDir } from './cli-harness';

const CLI = path.join(__dirname, '../../cli.js'); // dist/test/unit -> dist/cli.js

function cli(args: string[], input?: string, cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, cwd, encoding: 'utf8', timeout: 30000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli end to end (node dist/cli.js)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let seed: string;
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    seed = await fs.readFile(SEED_PATH, 'utf8');
    await fs.writeFile(path.join(dir, 'seed.txt'), seed);
    await fs.writeFile(path.join(dir, 'clean.txt'), 'Nothing garbled here.\n');
  });
  after(() => cleanup());

  it('is an executable node script', () => {
    const head = readFileSync(CLI, 'utf8').slice(0, 30);
    assert.ok(head.startsWith('#!/usr/bin/env node\n'), head);
    assert.ok((statSync(CLI).mode & 0o111) !== 0, 'executable bit');
  });

  it('exit codes: 0 clean, 1 findings (per the engine), 2 errors', () => {
    assert.strictEqual(cli(['check', 'clean.txt'], undefined, dir).code, 0);
    assert.strictEqual(cli(['check', 'seed.txt'], undefined, dir).code, detect(seed).length > 0 ? 1 : 0);
    const missing = cli(['check', 'clean.txt', 'nope.txt'], undefined, dir);
    assert.strictEqual(missing.code, 2);
    assert.strictEqual(missing.stderr, 'clean-copy: nope.txt: no such file\n');
    assert.strictEqual(cli(['frobnicate'], undefined, dir).code, 2);
    assert.strictEqual(cli(['fix', '--min-confidence', '7', 'seed.txt'], undefined, dir).code, 2);
    assert.strictEqual(cli(['check', dir]).code, 2);
  });

  it('--version and --help exit 0', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
    assert.deepStrictEqual(cli(['--version']), { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    assert.match(cli(['--help']).stdout, /Usage: clean-copy/);
  });

  it('fix reads stdin and writes the repaired text', () => {
    const r = cli(['fix'], seed);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout, repair(seed).text);
  });

  it('--jsonl runs many cases through one process', () => {
    const cases = Array.from({ length: 200 }, (_, i) => ({ id: i, text: `Huaweiâ€™s case ${i}` }));
    const r = cli(['fix', '--jsonl'], cases.map((c) => JSON.stringify(c)).join('\n'));
    assert.strictEqual(r.code, 0, r.stderr);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepStrictEqual(
      out,
      cases.map((c) => ({ id: c.id, text: repair(c.text).text })),
    );
  });
});
