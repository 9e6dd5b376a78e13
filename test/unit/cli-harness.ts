/** Runs the CLI in-process with captured streams; shared by the cli*.test.ts files. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  opts: { stdin?: string | Buffer | Readable; cwd?: string; tty?: boolean } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stdin =
    opts.stdin instanceof Readable ? opts.stdin : Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]);
  const code = await main(argv, {
    stdin,
    stdinIsTTY: opts.tty ?? false,
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) },
    cwd: opts.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'clean-copy-cli-'));
  return { dir, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

export const SEED_PATH = path.join(__dirname, '../../../test/fixtures/seed.txt');
export const FIXTURES = path.join(__dirname, '../../../test/fixtures');

/**
 * Mocha hooks for a suite whose tests each work in a fresh folder and read the seed: the returned
 * object holds the current test's folder and the seed's text.
 */
export function useFolderAndSeed(): { dir: string; seed: string } {
  const ctx = { dir: '', seed: '' };
  let cleanup: () => Promise<void> = async () => {};
  before(async () => (ctx.seed = await fs.readFile(SEED_PATH, 'utf8')));
  beforeEach(async () => ({ dir: ctx.dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());
  return ctx;
}
