/**
 * Literal expectations on the user's real document and a few known garblings, now that the
 * detector exists: these pin what the CLI prints, not just that it agrees with the engine.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { decodeBytes, encodeText } from '../../src/cli/encoding';
import { FIXTURES, runCli, SEED_PATH, tempDir } from './cli-harness';

describe('cli on the seed (literal)', () => {
  let seed: string;
  let repaired: string;
  before(async () => {
    seed = await fs.readFile(SEED_PATH, 'utf8');
    repaired = await fs.readFile(path.join(FIXTURES, 'seed.repaired.txt'), 'utf8');
  });

  it('check reports Huaweiâ??s on line 15, column 21, as ’ and exits 1', async () => {
    const r = await runCli(['check', '-'], { stdin: seed });
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /^<stdin>:15:21: â\?\? → ’ \(0\.\d\d\) — .+$/m);
    assert.ok(!/Huawei/.test(r.stdout.split('\n').find((l) => l.startsWith('<stdin>:15:21:')) ?? ''), 'shows the span only');
  });

  it('SARIF marks that span with a region and a ’ fix', async () => {
    const r = await runCli(['check', '--format', 'sarif', SEED_PATH]);
    const run = JSON.parse(r.stdout).runs[0];
    const hit = run.results.find((x: { locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }> }) => {
      const region = x.locations[0].physicalLocation.region;
      return region.startLine === 15 && region.startColumn === 21;
    });
    assert.ok(hit, 'a result at 15:21');
    assert.deepStrictEqual(hit.locations[0].physicalLocation.region, { startLine: 15, startColumn: 21, endLine: 15, endColumn: 24 });
    assert.strictEqual(hit.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '’');
    assert.ok(run.tool.driver.rules.some((rule: { id: string }) => rule.id === hit.ruleId));
  });

  it('fix prints exactly test/fixtures/seed.repaired.txt', async () => {
    const r = await runCli(['fix', SEED_PATH]);
    assert.deepStrictEqual(r, { code: 0, stdout: repaired, stderr: '' });
  });

  it('fix --write turns a CRLF UTF-16BE copy into the repaired text, still CRLF UTF-16BE', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const file = path.join(dir, 'seed-16be.txt');
      await fs.writeFile(file, encodeText(seed.replace(/\n/g, '\r\n'), 'utf-16be'));
      const r = await runCli(['fix', '--write', 'seed-16be.txt'], { cwd: dir });
      assert.strictEqual(r.code, 0, r.stderr);
      assert.match(r.stdout, /^seed-16be\.txt: \d+ repairs written\n$/);
      assert.deepStrictEqual(decodeBytes(await fs.readFile(file)), {
        text: repaired.replace(/\n/g, '\r\n'),
        encoding: 'utf-16be',
      });
    } finally {
      await cleanup();
    }
  });

  it('fix --write repairs a Windows-1252 copy and keeps it Windows-1252', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const file = path.join(dir, 'seed-1252.txt');
      await fs.writeFile(file, encodeText(seed, 'windows-1252'));
      const r = await runCli(['fix', '--write', 'seed-1252.txt'], { cwd: dir });
      assert.strictEqual(r.code, 0, r.stderr);
      assert.deepStrictEqual(decodeBytes(await fs.readFile(file)), { text: repaired, encoding: 'windows-1252' });
    } finally {
      await cleanup();
    }
  });

  it('repairs the classic Windows-1252 reading of ’ in --jsonl mode', async () => {
    const r = await runCli(['fix', '--jsonl'], { stdin: '{"id":"q","text":"Huaweiâ€™s forum"}\n' });
    assert.deepStrictEqual(JSON.parse(r.stdout), { id: 'q', text: 'Huawei’s forum' });
  });
});
