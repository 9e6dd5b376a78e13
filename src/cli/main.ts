import { version } from '../../package.json';
import { parseArgs } from './args';
import { runCheck } from './commands/check';
import { runFix } from './commands/fix';
import { runJsonl } from './commands/jsonl';
import { runOutline } from './commands/outline';
import { EXIT_ERROR, EXIT_OK, UsageError } from './errors';
import type { CliIo } from './io';
import { USAGE } from './usage';

export type { CliIo, TextSink } from './io';

/**
 * Runs the CLI once and resolves to the exit code; never calls `process.exit`, so tests can run it
 * in-process with their own streams.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === 'help') {
      await io.stdout.write(USAGE);
      return EXIT_OK;
    }
    if (parsed.kind === 'version') {
      await io.stdout.write(`${version}\n`);
      return EXIT_OK;
    }
    const options = parsed.options;
    if (options.files.length === 0 && io.stdinIsTTY) {
      throw new UsageError(`no input: give a FILE, or pipe text to stdin`);
    }
    if (options.jsonl) return await runJsonl(options, io);
    switch (options.command) {
      case 'check':
        return await runCheck(options, io);
      case 'fix':
        return await runFix(options, io);
      case 'outline':
        return await runOutline(options, io);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      await io.stderr.write(`clean-copy: ${err.message} (see clean-copy --help)\n`);
    } else {
      await io.stderr.write(`clean-copy: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    return EXIT_ERROR;
  }
}
