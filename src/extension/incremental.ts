import type { Finding } from '../core';

/** One replacement in a document, in the coordinates of the text just before it (like VS Code's change events). */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

export interface Window {
  start: number;
  end: number;
}

/**
 * Moves findings through a list of edits applied one after the other: findings the edit touches are
 * dropped, later ones shift. Returns the surviving findings and the union of the edited spans (the
 * window to scan again), both in the coordinates of the text after the last edit.
 */
export function shiftThroughChanges(
  findings: readonly Finding[],
  dirty: Window | undefined,
  changes: readonly TextChange[],
): { findings: Finding[]; dirty: Window | undefined } {
  let kept = [...findings];
  let window = dirty;
  for (const change of changes) {
    const start = change.rangeOffset;
    const end = start + change.rangeLength;
    const delta = change.text.length - change.rangeLength;
    kept = kept.flatMap((f) => {
      if (f.end < start) return [f];
      if (f.start > end) return [{ ...f, start: f.start + delta, end: f.end + delta }];
      return [];
    });
    const map = (p: number): number => (p <= start ? p : p >= end ? p + delta : start + change.text.length);
    const edited = { start, end: start + change.text.length };
    window = window
      ? { start: Math.min(map(window.start), edited.start), end: Math.max(map(window.end), edited.end) }
      : edited;
  }
  return { findings: kept, dirty: window };
}

/** Widens a window to whole lines, the unit the engine scans. */
export function expandToLines(text: string, window: Window): Window {
  const start = Math.max(0, Math.min(window.start, text.length));
  const end = Math.max(start, Math.min(window.end, text.length));
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextNewline = text.indexOf('\n', end);
  return { start: lineStart, end: nextNewline < 0 ? text.length : nextNewline };
}

/** Kept findings outside the rescanned window plus the fresh ones inside it, in document order. */
export function mergeRescan(kept: readonly Finding[], fresh: readonly Finding[], window: Window): Finding[] {
  const outside = kept.filter((f) => f.end <= window.start || f.start >= window.end);
  const inside = fresh.filter((f) => f.start >= window.start && f.end <= window.end);
  return [...outside, ...inside].sort((a, b) => a.start - b.start);
}
