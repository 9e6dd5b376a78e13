import { identity, lastIndexAtOrBefore } from './search';
import type { AppliedRepair, Finding } from './types';

/**
 * Applies non-overlapping findings to `text` and keeps an offset map back to the original.
 * One function serves `repair`, the fix-all edit and the outline (which reads garbled text as
 * repaired but must report offsets into the text the user has).
 */
export function applyFindings(text: string, findings: readonly Finding[]): AppliedRepair {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  const applied: Finding[] = [];
  // Breakpoints: in the new text at newStart..newEnd lies what was origStart..origEnd.
  const newStarts: number[] = [];
  const origStarts: number[] = [];
  const newEnds: number[] = [];
  const origEnds: number[] = [];
  let cursor = 0;
  let newLength = 0;
  for (const f of sorted) {
    if (f.start < cursor) continue; // overlapping: the earlier finding wins
    parts.push(text.slice(cursor, f.start));
    newLength += f.start - cursor;
    newStarts.push(newLength);
    origStarts.push(f.start);
    parts.push(f.replacement);
    newLength += f.replacement.length;
    newEnds.push(newLength);
    origEnds.push(f.end);
    applied.push(f);
    cursor = f.end;
  }
  parts.push(text.slice(cursor));
  return {
    text: parts.join(''),
    applied,
    toOriginal(offset: number): number {
      // Last replacement starting at or before `offset`.
      const idx = lastIndexAtOrBefore(newStarts, offset, identity);
      if (idx < 0) return offset;
      if (offset < newEnds[idx]) return origStarts[idx];
      return origEnds[idx] + (offset - newEnds[idx]);
    },
  };
}
