import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { decodeBytes, encodeText, type DecodedText, type FileEncoding } from './encoding';
import { InputError, describeFsError } from './errors';

/** Where output goes; a Promise return lets the real stdout apply backpressure in `--jsonl` mode. */
export interface TextSink {
  write(chunk: string): void | Promise<void>;
}

/** Everything the CLI touches outside the file system, injectable so tests run it in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  /** True when stdin is a terminal: then `check` with no files is a usage error instead of a hang. */
  stdinIsTTY?: boolean;
  stdout: TextSink;
  stderr: TextSink;
  /** Relative paths resolve against this. */
  cwd: string;
}

/** The name shown for stdin in reports. */
export const STDIN_NAME = '<stdin>';

export function displayName(file: string): string {
  return file === '-' ? STDIN_NAME : file;
}

/** Reads and decodes one input (`-` is stdin). Throws `InputError` with a short reason. */
export async function readInput(file: string, io: CliIo): Promise<DecodedText> {
  const bytes = file === '-' ? await readStream(io.stdin) : await readFileBytes(path.resolve(io.cwd, file));
  return decodeBytes(bytes);
}

async function readFileBytes(absPath: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(absPath);
    if (stat.isDirectory()) throw new InputError('is a directory');
    // FIFOs are allowed so `clean-copy check <(command)` works; devices and sockets are not text files.
    if (!stat.isFile() && !stat.isFIFO()) throw new InputError('not a regular file');
    return await fs.readFile(absPath);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(describeFsError(err));
  }
}

export async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * Writes `text` back to `file` in its original encoding, atomically: a temp file in the same folder
 * (same file system, so rename is atomic) with the original mode, flushed, then renamed over the
 * file. A symlink is followed so the link stays a link. On any failure the original is untouched.
 */
export async function writeTextAtomic(file: string, text: string, encoding: FileEncoding, cwd: string): Promise<void> {
  const data = encodeText(text, encoding); // throws before anything touches the disk
  let target: string;
  let mode: number;
  let owner: { uid: number; gid: number };
  try {
    target = await fs.realpath(path.resolve(cwd, file));
    const stat = await fs.stat(target);
    if (!stat.isFile()) throw new InputError('not a regular file; cannot write back');
    mode = stat.mode & 0o7777;
    owner = { uid: stat.uid, gid: stat.gid };
  } catch (err) {
    throw err instanceof InputError ? err : new InputError(describeFsError(err));
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.clean-copy-tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', mode);
    await handle.writeFile(data);
    await handle.chmod(mode); // open() applied the umask; restore the exact mode
    await handle.chown(owner.uid, owner.gid).catch(() => undefined); // only root can; best effort
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new InputError(`could not write: ${describeFsError(err)} (file left unchanged)`);
  }
}
