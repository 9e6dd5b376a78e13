import type { FileReport } from './located';

/**
 * `[{ "file", "encoding", "findings": [Finding + line/column/endLine/endColumn] }]`, one entry per
 * input in the order given; unreadable inputs appear as `{ "file", "error" }`.
 */
export function formatJson(reports: readonly FileReport[]): string {
  const entries = reports.map((r) =>
    r.error !== undefined ? { file: r.file, error: r.error } : { file: r.file, encoding: r.encoding, findings: r.findings },
  );
  return JSON.stringify(entries, null, 2) + '\n';
}
