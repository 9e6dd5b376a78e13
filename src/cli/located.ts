import type { Finding } from '../core';
import { LineIndex, type Position } from './positions';

/** A finding with where it sits: `end` is the position just after the last character (exclusive). */
export interface LocatedFinding extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The result of checking one input; `error` set means it could not be read and has no findings. */
export interface FileReport {
  file: string;
  encoding?: string;
  findings: LocatedFinding[];
  error?: string;
}

export function locateFindings(text: string, findings: readonly Finding[]): LocatedFinding[] {
  const index = new LineIndex(text);
  return findings.map((f) => {
    const start: Position = index.position(f.start);
    const end: Position = index.position(f.end);
    return { ...f, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
}
