import { extractOutline, formatOutlineMarkdown } from '../../core/outline';
import type { CliOptions } from '../args';
import { EXIT_ERROR, EXIT_OK } from '../errors';
import { displayName, readInput, type CliIo } from '../io';
import { reportFileError } from '../shared';

/** `outline FILE`: the release structure as JSON (offsets into the file as read, BOM excluded) or Markdown. */
export async function runOutline(options: CliOptions, io: CliIo): Promise<number> {
  const file = options.files[0];
  const name = displayName(file);
  let text: string;
  try {
    text = (await readInput(file, io)).text;
  } catch (err) {
    await reportFileError(io, name, err);
    return EXIT_ERROR;
  }
  const outline = extractOutline(text);
  if (options.format === 'markdown') await io.stdout.write(ensureNewline(formatOutlineMarkdown(outline)));
  else await io.stdout.write(JSON.stringify(outline, null, 2) + '\n');
  return EXIT_OK;
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : s + '\n';
}
