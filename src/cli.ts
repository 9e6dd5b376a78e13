/** The `clean-copy` command (bundled to dist/cli.js with a shebang). All logic lives in src/cli/. */
import { main } from './cli/main';
import type { TextSink } from './cli/io';

export { main };

/** Waits for 'drain' when the pipe is full, so `--jsonl` over thousands of lines keeps memory flat. */
function sink(stream: NodeJS.WriteStream): TextSink {
  return {
    write(chunk: string) {
      if (stream.write(chunk)) return;
      return new Promise<void>((resolve) => stream.once('drain', resolve));
    },
  };
}

if (require.main === module) {
  // `clean-copy check --jsonl | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(process.argv.slice(2), {
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
    stdout: sink(process.stdout),
    stderr: sink(process.stderr),
    cwd: process.cwd(),
  }).then((code) => {
    // exitCode, not exit(): let pending stdout writes flush first.
    process.exitCode = code;
  });
}
