import * as readline from 'readline';
import { detect, repair, type Finding } from '../../core';
import type { CliOptions } from '../args';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../errors';
import type { CliIo } from '../io';
import { aboveThreshold, detectOptions } from '../shared';

type JsonlCase = { id: unknown; text: string };

/**
 * `--jsonl`: one `{"id","text"}` per stdin line, one answer per stdout line, in order, streamed
 * (readline), so thousands of cases run in one process with flat memory. A bad line answers
 * `{"id":null,"error":...}` (the id when it could be read) and the run goes on; exit 2 at the end.
 */
export async function runJsonl(options: CliOptions, io: CliIo): Promise<number> {
  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
  let exit = EXIT_OK;
  let lineNo = 0;
  for await (let line of lines) {
    lineNo++;
    if (lineNo === 1) line = line.replace(/^\uFEFF/, '');
    if (line.trim() === '') continue; // blank lines (e.g. a trailing newline) are not cases
    let answer: object;
    const parsed = parseCase(line, lineNo);
    if ('error' in parsed) {
      answer = parsed;
      exit = EXIT_ERROR;
    } else {
      try {
        const result = answerCase(parsed, options);
        if ('findings' in result && result.findings.length > 0) exit = Math.max(exit, EXIT_FINDINGS);
        answer = result;
      } catch (err) {
        // One case the engine chokes on must not sink the other thousands.
        answer = { id: parsed.id, error: `line ${lineNo}: internal error: ${(err as Error).message}` };
        exit = EXIT_ERROR;
      }
    }
    await io.stdout.write(JSON.stringify(answer) + '\n');
  }
  return exit;
}

function answerCase(c: JsonlCase, options: CliOptions): { id: unknown; findings: Finding[] } | { id: unknown; text: string } {
  if (options.command === 'check') {
    return { id: c.id, findings: aboveThreshold(detect(c.text, detectOptions(options)), options.minConfidence) };
  }
  return { id: c.id, text: repair(c.text, { ...detectOptions(options), minConfidence: options.minConfidence }).text };
}

function parseCase(line: string, lineNo: number): JsonlCase | { id: unknown; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { id: null, error: `line ${lineNo}: invalid JSON (${(err as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { id: null, error: `line ${lineNo}: expected an object {"id":…,"text":…}` };
  }
  const record = value as Record<string, unknown>;
  const id = 'id' in record ? record.id : null;
  if (typeof record.text !== 'string') return { id, error: `line ${lineNo}: "text" must be a string` };
  return { id, text: record.text };
}
