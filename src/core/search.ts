/**
 * Searching: binary search over lists sorted by a numeric key (offsets), one helper for every such
 * lookup; text compared and hashed in place, without slicing it; the whole lines around a stretch.
 */

/** Index of the last item whose key is <= `value`, or -1 when there is none. */
export function lastIndexAtOrBefore<T>(sorted: ArrayLike<T>, value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Index of the first item whose key is > `value` (`sorted.length` when there is none). */
export function firstIndexAfter<T>(sorted: ArrayLike<T>, value: number, key: (item: T) => number): number {
  return lastIndexAtOrBefore(sorted, value, key) + 1;
}

export const identity = (n: number): number => n;
export const byStart = (item: { start: number }): number => item.start;

/** Whether `s` is what `text` holds from `start` to `end` (no slice made to compare). */
export function isTextAt(s: string, text: string, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** A hash of `text` from `start` to `end`, for caches that index by characters. */
export function hashText(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h ^ (h >>> 12);
}

/**
 * Two lists sorted by start merged into one (on equal starts, `a` first: what a stable sort of `a`
 * then `b` gives). Merged from the back into `a` itself (both must be the caller's to change):
 * either list can hold hundreds of thousands, and a copy of them all costs more than the merge.
 */
export function mergeByStart<T extends { start: number }>(a: T[], b: T[]): T[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  let i = a.length - 1;
  let j = b.length - 1;
  for (let k = 0; k < b.length; k++) a.push(b[k]); // room at the end (a longer length would leave holes)
  for (let k = a.length - 1; j >= 0; k--) a[k] = i >= 0 && a[i].start > b[j].start ? a[i--] : b[j--];
  return a;
}

/** The whole lines holding [start, end] (clamped to the text): from a line's start to its line break or the text's end. */
export function wholeLines(text: string, start: number, end: number): [number, number] {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const lineEnd = text.indexOf('\n', to);
  return [text.lastIndexOf('\n', from - 1) + 1, lineEnd < 0 ? text.length : lineEnd];
}
