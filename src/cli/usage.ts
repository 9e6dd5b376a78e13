import { DEFAULT_MIN_CONFIDENCE } from '../core';
import { CODEC_NAMES } from '../core';

export const USAGE = `Usage: clean-copy <command> [options] [FILE...|-]

Finds and repairs mojibake (garbled text such as â€™, Ã©, â??, 鈥檚, �) and outlines press releases.

Commands:
  check [FILE...|-]     Report garbled text. Exit 0 clean, 1 findings, 2 error.
  fix [FILE...|-]       Print the repaired text (UTF-8) to stdout, or repair files in place with --write.
  outline FILE|-        Print the release outline: headline, dateline, quotes, figures, contacts.

Options:
  --format FORMAT       check: text (default), json, sarif; outline: json (default), markdown
  --write               fix: write repairs back atomically, keeping encoding, BOM and line endings
  --min-confidence N    check, fix: only findings with confidence >= N (0 to 1; fix defaults to ${DEFAULT_MIN_CONFIDENCE})
  --encodings A,B       check, fix: only consider these wrong codecs, from:
${wrapList(CODEC_NAMES, 24, 100)}
  --jsonl               check, fix: batch mode; each stdin line {"id":…,"text":…} gives one stdout line
                        {"id":…,"findings":[…]} (check) or {"id":…,"text":…} (fix)
  -h, --help            Show this help
  -V, --version         Show the version

With no FILE, or with '-', input is read from stdin. Files may be UTF-8 (with or without BOM),
UTF-16LE/BE with BOM, or Windows-1252; positions are 1-based lines and UTF-16 columns.
`;

/** Lays out a comma-separated list under the option column, wrapped at `width`. */
function wrapList(items: readonly string[], indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const [i, item] of items.entries()) {
    const piece = item + (i < items.length - 1 ? ',' : '');
    if (line !== '' && indent + line.length + 1 + piece.length > width) {
      lines.push(line);
      line = '';
    }
    line += (line === '' ? '' : ' ') + piece;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}
