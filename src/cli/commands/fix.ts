import { repair } from '../../core';
import type { CliOptions } from '../args';
import { EXIT_ERROR, EXIT_OK } from '../errors';
import { displayName, readInput, writeTextAtomic, type CliIo } from '../io';
import { detectOptions, inputsOf, reportFileError } from '../shared';

/**
 * `fix`: repaired text to stdout (UTF-8, inputs concatenated in order), or with `--write` back
 * into each file in its own encoding. Unchanged files are not rewritten. Exit 0, or 2 if any input failed.
 */
export async function runFix(options: CliOptions, io: CliIo): Promise<number> {
  let exit = EXIT_OK;
  for (const file of inputsOf(options)) {
    const name = displayName(file);
    try {
      const { text, encoding } = await readInput(file, io);
      const result = repair(text, { ...detectOptions(options), minConfidence: options.minConfidence });
      if (!options.write) {
        await io.stdout.write((encoding === 'utf-8-bom' ? '\uFEFF' : '') + result.text);
        continue;
      }
      if (result.applied.length === 0) continue;
      await writeTextAtomic(file, result.text, encoding, io.cwd);
      const n = result.applied.length;
      await io.stdout.write(`${name}: ${n} repair${n === 1 ? '' : 's'} written\n`);
    } catch (err) {
      await reportFileError(io, name, err);
      exit = EXIT_ERROR;
    }
  }
  return exit;
}
