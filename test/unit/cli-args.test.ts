import * as assert from 'assert';
import { parseArgs, parseConfidence, type CliOptions } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';

function run(argv: string[]): CliOptions {
  const parsed = parseArgs(argv);
  assert.strictEqual(parsed.kind, 'run');
  return (parsed as { options: CliOptions }).options;
}

describe('cli args', () => {
  it('reads a command, files and defaults', () => {
    const o = run(['check', 'a.txt', 'b.txt']);
    assert.deepStrictEqual(o, { command: 'check', files: ['a.txt', 'b.txt'], format: 'text', write: false, jsonl: false });
    assert.strictEqual(run(['outline', 'r.txt']).format, 'json');
  });

  it('accepts --opt value and --opt=value, options anywhere', () => {
    assert.strictEqual(run(['check', '--format', 'sarif', 'a']).format, 'sarif');
    assert.strictEqual(run(['--format=json', 'check', 'a']).format, 'json');
    assert.strictEqual(run(['fix', 'a', '--min-confidence=0.75']).minConfidence, 0.75);
    assert.deepStrictEqual(run(['check', '--encodings', 'Windows-1252, gbk,', 'a']).encodings, ['windows-1252', 'gbk']);
  });

  it('treats - as stdin and everything after -- as files', () => {
    assert.deepStrictEqual(run(['check', '-']).files, ['-']);
    assert.deepStrictEqual(run(['check', '--', '--write', '-x']).files, ['--write', '-x']);
  });

  it('answers help and version before validating the rest', () => {
    assert.deepStrictEqual(parseArgs(['--help']), { kind: 'help' });
    assert.deepStrictEqual(parseArgs(['fix', '-h', '--format', 'nope']), { kind: 'help' });
    assert.deepStrictEqual(parseArgs(['--version']), { kind: 'version' });
  });

  const bad: Array<[string[], RegExp]> = [
    [[], /missing command/],
    [['scan'], /unknown command 'scan'/],
    [['check', '--colour'], /unknown option '--colour'/],
    [['check', '--format'], /needs a value/],
    [['check', '--format', 'markdown', 'a'], /--format for 'check'/],
    [['outline', '--format', 'sarif', 'a'], /--format for 'outline'/],
    [['fix', '--format', 'json', 'a'], /does not apply to 'fix'/],
    [['check', '--write', 'a'], /does not apply to 'check'/],
    [['fix', '--write'], /--write needs file paths/],
    [['fix', '--write', '-'], /--write needs file paths/],
    [['fix', '--jsonl', 'a'], /--jsonl reads stdin/],
    [['check', '--jsonl', '--format', 'json'], /drop --format/],
    [['outline', 'a', 'b'], /exactly one FILE/],
    [['outline'], /exactly one FILE/],
    [['check', '-', '-'], /only once/],
    [['check', '--encodings', ' , ', 'a'], /at least one codec/],
    [['fix', '--encodings', 'windows-1252,utf-7', 'a'], /unknown encoding 'utf-7' for --encodings \(known: windows-1252, /],
    [['check', '--jsonl=yes'], /takes no value/],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${JSON.stringify(argv)}`, () => {
      assert.throws(() => parseArgs(argv), (err: unknown) => err instanceof UsageError && message.test(err.message));
    });
  }

  it('takes --min-confidence only from 0 to 1', () => {
    assert.strictEqual(parseConfidence('0'), 0);
    assert.strictEqual(parseConfidence('1'), 1);
    assert.strictEqual(parseConfidence('.5'), 0.5);
    for (const v of ['', ' ', 'abc', '1.01', '-0.1', 'NaN', 'Infinity', '50%']) {
      assert.throws(() => parseConfidence(v), UsageError, v);
    }
  });
});
