import * as assert from 'assert';
import { promises as fs } from 'fs';
import { PassThrough } from 'stream';
import { detect, repair } from '../../src/core';
import { main } from '../../src/cli/main';
import { runCli, SEED_PATH } from './cli-harness';

/** 1000 cases: every seed line (garbled or not) and variations, with ids of several JSON types. */
async function thousandCases(): Promise<Array<{ id: unknown; text: string }>> {
  const lines = (await fs.readFile(SEED_PATH, 'utf8')).split('\n');
  const cases: Array<{ id: unknown; text: string }> = [];
  for (let i = 0; cases.length < 1000; i++) {
    const text = lines[i % lines.length] + (i >= lines.length ? ` #${i}` : '');
    cases.push({ id: i % 3 === 0 ? i : i % 3 === 1 ? `case-${i}` : { n: i }, text });
  }
  return cases;
}

describe('cli --jsonl', () => {
  it('fix: 1000 lines in, 1000 repaired lines out, in order', async () => {
    const cases = await thousandCases();
    const input = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
    const r = await runCli(['fix', '--jsonl'], { stdin: input });
    assert.strictEqual(r.code, 0, r.stderr);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.strictEqual(out.length, 1000);
    out.forEach((o, i) => assert.deepStrictEqual(o, { id: cases[i].id, text: repair(cases[i].text).text }));
  });

  it('check: 1000 lines in, engine findings out, exit 1 if any', async () => {
    const cases = await thousandCases();
    const input = cases.map((c) => JSON.stringify(c)).join('\r\n');
    const r = await runCli(['check', '--jsonl'], { stdin: input });
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.strictEqual(out.length, 1000);
    let any = false;
    out.forEach((o, i) => {
      const findings = detect(cases[i].text);
      any ||= findings.length > 0;
      assert.deepStrictEqual(o, JSON.parse(JSON.stringify({ id: cases[i].id, findings })));
    });
    assert.strictEqual(r.code, any ? 1 : 0);
  });

  it('answers a malformed line with an error line and goes on; exit 2', async () => {
    const input = [
      '{"id":1,"text":"fine"}',
      '{"id":2,"text":',
      '[1,2]',
      '{"id":"x","text":42}',
      '',
      '{"id":5,"text":"also fine"}',
    ].join('\n');
    const r = await runCli(['fix', '--jsonl'], { stdin: input });
    assert.strictEqual(r.code, 2);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.strictEqual(out.length, 5, 'blank line skipped');
    assert.deepStrictEqual(out[0], { id: 1, text: repair('fine').text });
    assert.strictEqual(out[1].id, null);
    assert.match(out[1].error, /^line 2: invalid JSON/);
    assert.strictEqual(out[2].id, null);
    assert.match(out[2].error, /^line 3: expected an object/);
    assert.deepStrictEqual(out[3], { id: 'x', error: 'line 4: "text" must be a string' });
    assert.deepStrictEqual(out[4], { id: 5, text: repair('also fine').text });
  });

  it('streams: answers a line before stdin ends', async () => {
    const stdin = new PassThrough();
    let stdout = '';
    let gotFirst: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (gotFirst = resolve));
    const done = main(['check', '--jsonl'], {
      stdin,
      stdout: {
        write: (s) => {
          stdout += s;
          gotFirst();
        },
      },
      stderr: { write: () => undefined },
      cwd: process.cwd(),
    });
    stdin.write('{"id":"a","text":"Huaweiâ€™s"}\n');
    await first;
    assert.strictEqual(JSON.parse(stdout).id, 'a');
    stdin.end('{"id":"b","text":"ok"}\n');
    await done;
    assert.strictEqual(stdout.trimEnd().split('\n').length, 2);
  });
});
