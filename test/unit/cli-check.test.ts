import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { detect } from '../../src/core';
import { CODEC_NAMES } from '../../src/core/codecs';
import { LineIndex } from '../../src/cli/positions';
import { runCli, SEED_PATH, tempDir } from './cli-harness';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }>;
  fixes: Array<{ artifactChanges: Array<{ replacements: Array<{ deletedRegion: SarifRegion; insertedContent: { text: string } }> }> }>;
}

describe('cli check', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let seed: string;
  before(async () => (seed = await fs.readFile(SEED_PATH, 'utf8')));
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    await fs.copyFile(SEED_PATH, path.join(dir, 'seed.txt'));
    await fs.writeFile(path.join(dir, 'clean.txt'), 'Plain, correct text: “quotes” and café.\n');
  });
  afterEach(() => cleanup());

  it('exits 0 and prints nothing for clean text', async () => {
    assert.strictEqual(detect('Plain, correct text: “quotes” and café.\n').length, 0, 'precondition');
    const r = await runCli(['check', 'clean.txt'], { cwd: dir });
    assert.deepStrictEqual(r, { code: 0, stdout: '', stderr: '' });
  });

  it('reports the engine findings for the seed as json, with 1-based positions', async () => {
    const r = await runCli(['check', '--format', 'json', 'seed.txt'], { cwd: dir });
    const expected = detect(seed);
    assert.strictEqual(r.code, expected.length > 0 ? 1 : 0);
    const entries = JSON.parse(r.stdout);
    assert.strictEqual(entries.length, 1);
    assert.strictEqual(entries[0].file, 'seed.txt');
    assert.strictEqual(entries[0].encoding, 'utf-8');
    const index = new LineIndex(seed);
    assert.deepStrictEqual(
      entries[0].findings,
      expected.map((f) => {
        const s = index.position(f.start);
        const e = index.position(f.end);
        return JSON.parse(JSON.stringify({ ...f, line: s.line, column: s.column, endLine: e.line, endColumn: e.column }));
      }),
    );
  });

  it('prints one text line per finding in file:line:col form', async () => {
    const r = await runCli(['check', 'seed.txt'], { cwd: dir });
    const expected = detect(seed);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    assert.strictEqual(lines.length, expected.length);
    const index = new LineIndex(seed);
    lines.forEach((line, i) => {
      const p = index.position(expected[i].start);
      assert.ok(line.startsWith(`seed.txt:${p.line}:${p.column}: `), line);
      assert.ok(line.includes(` → `) && line.includes(`(${expected[i].confidence.toFixed(2)}) — ${expected[i].explanation}`), line);
    });
  });

  it('filters with --min-confidence', async () => {
    const r = await runCli(['check', '--format', 'json', '--min-confidence', '0.9', 'seed.txt'], { cwd: dir });
    const expected = detect(seed).filter((f) => f.confidence >= 0.9);
    assert.strictEqual(JSON.parse(r.stdout)[0].findings.length, expected.length);
    assert.strictEqual(r.code, expected.length > 0 ? 1 : 0);
  });

  it('passes --encodings to the engine', async () => {
    const text = 'Huawei鈥檚 forum: Ã©tÃ© 2025\n'; // one GBK and two Windows-1252 garblings
    for (const codec of ['gbk', 'windows-1252']) {
      const r = await runCli(['check', '--format', 'json', '--encodings', codec.toUpperCase(), '-'], { stdin: text });
      const expected = detect(text, { encodings: [codec] });
      assert.notStrictEqual(expected.length, detect(text).length, `precondition: ${codec} alone finds less`);
      assert.deepStrictEqual(
        JSON.parse(r.stdout)[0].findings.map((f: { start: number; replacement: string }) => [f.start, f.replacement]),
        expected.map((f) => [f.start, f.replacement]),
      );
    }
    const bad = await runCli(['check', '--encodings', 'ebcdic', 'seed.txt'], { cwd: dir });
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /^clean-copy: unknown encoding 'ebcdic'/);
  });

  it('writes structurally valid SARIF 2.1.0', async () => {
    const r = await runCli(['check', '--format', 'sarif', 'seed.txt', 'clean.txt'], { cwd: dir });
    const sarif = JSON.parse(r.stdout);
    assert.strictEqual(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-schema-2\.1\.0\.json$/);
    assert.strictEqual(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.strictEqual(run.tool.driver.name, 'Clean Copy');
    assert.strictEqual(run.invocations[0].executionSuccessful, true);
    const expected = detect(seed);
    assert.strictEqual(run.results.length, expected.length);
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    assert.deepStrictEqual(ruleIds, [...new Set(expected.map((f) => f.kind))].sort());
    const index = new LineIndex(seed);
    run.results.forEach((result: SarifResult, i: number) => {
      const f = expected[i];
      assert.strictEqual(result.ruleId, f.kind);
      assert.strictEqual(ruleIds[result.ruleIndex], f.kind);
      assert.strictEqual(typeof result.message.text, 'string');
      const loc = result.locations[0].physicalLocation;
      assert.strictEqual(loc.artifactLocation.uri, 'seed.txt');
      const s = index.position(f.start);
      const e = index.position(f.end);
      assert.deepStrictEqual(loc.region, { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column });
      const replacement = result.fixes[0].artifactChanges[0].replacements[0];
      assert.deepStrictEqual(replacement.deletedRegion, loc.region);
      assert.strictEqual(replacement.insertedContent.text, f.replacement);
    });
  });

  it('lists unreadable inputs as SARIF notifications and exits 2', async () => {
    const r = await runCli(['check', '--format', 'sarif', 'clean.txt', 'missing.txt'], { cwd: dir });
    assert.strictEqual(r.code, 2);
    const inv = JSON.parse(r.stdout).runs[0].invocations[0];
    assert.strictEqual(inv.executionSuccessful, false);
    assert.match(inv.toolExecutionNotifications[0].message.text, /missing\.txt: no such file/);
  });

  it('counts columns in UTF-16 units and lines across CRLF, LF and CR', () => {
    const index = new LineIndex('a\r\nb\nc\rd😀e');
    assert.deepStrictEqual(index.position(0), { line: 1, column: 1 });
    assert.deepStrictEqual(index.position(3), { line: 2, column: 1 });
    assert.deepStrictEqual(index.position(5), { line: 3, column: 1 });
    assert.deepStrictEqual(index.position(7), { line: 4, column: 1 });
    assert.deepStrictEqual(index.position(10), { line: 4, column: 4 });
  });

  it('reads stdin for - and for no file', async () => {
    for (const argv of [['check', '--format', 'json', '-'], ['check', '--format', 'json']]) {
      const r = await runCli(argv, { stdin: seed });
      const entries = JSON.parse(r.stdout);
      assert.strictEqual(entries[0].file, '<stdin>');
      assert.strictEqual(entries[0].findings.length, detect(seed).length);
    }
  });

  it('reads a named pipe, as in check <(command)', async function () {
    const fifo = path.join(dir, 'pipe');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) this.skip();
    const writer = fs.writeFile(fifo, seed);
    const r = await runCli(['check', '--format', 'json', 'pipe'], { cwd: dir });
    await writer;
    assert.strictEqual(JSON.parse(r.stdout)[0].findings.length, detect(seed).length);
  });

  it('refuses to wait on a terminal when no file is given', async () => {
    const r = await runCli(['check'], { tty: true });
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^clean-copy: no input/);
  });

  describe('errors: one line on stderr, exit 2, other files still processed', () => {
    const cases: Array<[string, (dir: string) => Promise<string>, RegExp]> = [
      ['a missing file', async () => 'nope.txt', /^clean-copy: nope\.txt: no such file\n$/],
      ['a directory', async (d) => (await fs.mkdir(path.join(d, 'sub')), 'sub'), /^clean-copy: sub: is a directory\n$/],
      ['a path through a file', async () => 'clean.txt/child', /^clean-copy: clean\.txt\/child: not a file path/],
      ['a device', async () => '/dev/null', /^clean-copy: \/dev\/null: not a regular file\n$/],
      [
        'a binary file',
        async (d) => (await fs.writeFile(path.join(d, 'img.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])), 'img.png'),
        /^clean-copy: img\.png: binary file/,
      ],
    ];
    for (const [what, make, message] of cases) {
      it(what, async () => {
        const bad = await make(dir);
        const r = await runCli(['check', '--format', 'json', bad, 'seed.txt'], { cwd: dir });
        assert.strictEqual(r.code, 2);
        assert.match(r.stderr, message);
        assert.strictEqual(r.stderr.split('\n').length, 2, 'exactly one line');
        const entries = JSON.parse(r.stdout);
        assert.strictEqual(entries[0].file, bad);
        assert.strictEqual(typeof entries[0].error, 'string');
        assert.strictEqual(entries[1].findings.length, detect(seed).length);
      });
    }
  });

  it('rejects unknown commands and options with exit 2 and no output', async () => {
    for (const argv of [['lint', 'a'], ['check', '--fast', 'a'], ['check', '--min-confidence', '2', 'a']]) {
      const r = await runCli(argv, { cwd: dir });
      assert.strictEqual(r.code, 2, argv.join(' '));
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, /^clean-copy: .+\(see clean-copy --help\)\n$/);
    }
  });

  it('prints help and version', async () => {
    const help = await runCli(['--help']);
    assert.strictEqual(help.code, 0);
    assert.match(help.stdout, /^Usage: clean-copy <command>/);
    for (const name of CODEC_NAMES) assert.ok(help.stdout.includes(name), `help lists ${name}`);
    const version = await runCli(['--version']);
    const pkg = JSON.parse(await fs.readFile(path.join(__dirname, '../../../package.json'), 'utf8'));
    assert.deepStrictEqual(version, { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});
