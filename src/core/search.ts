/** Binary search over lists sorted by a numeric key (offsets): one helper for every such lookup. */

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
