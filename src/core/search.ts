/**
 * Searching: binary search over lists sorted by a numeric key (offsets), one helper for every such
 * lookup; and text compared and hashed in place, without slicing it.
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
