import { identity, lastIndexAtOrBefore } from './search';
import type { AppliedRepair, Finding } from './types';

/**
 * Applies non-overlapping findings to `text` and keeps an offset map back to the original.
 * One function serves `repair`, the fix-all edit and the outline (which reads garbled text as
 * repaired but must report offsets into the text the user has).
 */
export function applyFindings(text: string, findings: readonly Finding[]): AppliedRepair {
  // The copy becomes the list of applied findings: overlapping ones are dropped in place.
  const applied = inOrder(findings) ? findings.slice() : [...findings].sort((a, b) => a.start - b.start);
  // Breakpoints: in the new text at newStart..newEnd lies what was origStart..origEnd. Typed and
  // sized once: a document of lossy mojibake has hundreds of thousands.
  const newStarts = new Int32Array(applied.length);
  const origStarts = new Int32Array(applied.length);
  const newEnds = new Int32Array(applied.length);
  const origEnds = new Int32Array(applied.length);
  const out = new TextBuilder();
  let count = 0;
  let cursor = 0;
  let newLength = 0;
  // Indexed, not for…of: this runs once per call, mostly before the optimising compiler sees it,
  // and unoptimised for…of allocates a result object per finding.
  const total = applied.length;
  for (let k = 0; k < total; k++) {
    const f = applied[k];
    if (f.start < cursor) continue; // overlapping: the earlier finding wins
    out.add(text.slice(cursor, f.start));
    newLength += f.start - cursor;
    newStarts[count] = newLength;
    origStarts[count] = f.start;
    out.add(f.replacement);
    newLength += f.replacement.length;
    newEnds[count] = newLength;
    origEnds[count] = f.end;
    applied[count++] = f;
    cursor = f.end;
  }
  applied.length = count;
  out.add(text.slice(cursor));
  const starts = newStarts.subarray(0, count);
  return {
    text: out.join(),
    applied,
    toOriginal(offset: number): number {
      // Last replacement starting at or before `offset`.
      const idx = lastIndexAtOrBefore(starts, offset, identity);
      if (idx < 0) return offset;
      if (offset < newEnds[idx]) return origStarts[idx];
      return origEnds[idx] + (offset - newEnds[idx]);
    },
  };
}

function inOrder(findings: readonly Finding[]): boolean {
  for (let k = 1; k < findings.length; k++) if (findings[k].start < findings[k - 1].start) return false;
  return true;
}

/**
 * Collects pieces of text and joins them once at the end, a few hundred at a time: one array of
 * every piece would be copied into fresh memory at each doubling once it is large.
 */
class TextBuilder {
  private readonly chunks: string[] = [];
  private readonly parts: string[] = [];

  add(piece: string): void {
    if (piece === '') return;
    this.parts.push(piece);
    if (this.parts.length === 512) {
      this.chunks.push(this.parts.join(''));
      this.parts.length = 0;
    }
  }

  join(): string {
    // A few pieces are concatenated: the engine keeps them as a rope and copies only when the
    // text is read through, so one repair in a 20 MB document does not copy 20 MB up front.
    if (this.chunks.length === 0 && this.parts.length <= 64) {
      let text = '';
      for (const piece of this.parts) text += piece;
      return text;
    }
    this.chunks.push(this.parts.join(''));
    return this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
  }
}
