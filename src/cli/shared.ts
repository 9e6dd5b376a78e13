import type { DetectOptions, Finding } from '../core';
import type { CliOptions } from './args';
import { InputError } from './errors';
import type { CliIo } from './io';

export function detectOptions(options: CliOptions): DetectOptions {
  return options.encodings ? { encodings: options.encodings } : {};
}

/** `check` reports every finding unless `--min-confidence` narrows it (the engine's default applies to `fix`). */
export function aboveThreshold(findings: Finding[], min: number | undefined): Finding[] {
  return min === undefined ? findings : findings.filter((f) => f.confidence >= min);
}

/** Stdin when no file is given, as Unix filters do. */
export function inputsOf(options: CliOptions): string[] {
  return options.files.length > 0 ? options.files : ['-'];
}

/** The one-line stderr message for a failed input: `clean-copy: file: reason`. */
export async function reportFileError(io: CliIo, name: string, err: unknown): Promise<string> {
  const message = err instanceof InputError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
  await io.stderr.write(`clean-copy: ${name}: ${message}\n`);
  return message;
}
