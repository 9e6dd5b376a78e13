import type { FileReport, LocatedFinding } from './located';

/** One line per finding: `file:line:col: original → replacement (confidence) — explanation`. */
export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) lines.push(formatFindingLine(report.file, f));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

export function formatFindingLine(file: string, f: LocatedFinding): string {
  return `${file}:${f.line}:${f.column}: ${visible(f.original)} → ${visible(f.replacement)} (${f.confidence.toFixed(2)}) — ${f.explanation}`;
}

/**
 * Shows invisible characters as `\uXXXX`: C1 controls (a finding kind of their own), other controls
 * and line breaks would otherwise vanish or break the one-finding-per-line layout.
 */
export function visible(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
