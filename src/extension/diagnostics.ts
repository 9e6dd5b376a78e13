import * as vscode from 'vscode';
import type { Finding } from '../core';
import { findingMessage, readmeAnchor } from './describe';
import type { DocumentScan, FindingsStore } from './findingsStore';

export const DIAGNOSTIC_SOURCE = 'Clean Copy';

/** Publishes the store's findings as diagnostics (the Problems panel and squiggles). */
export function registerDiagnostics(
  context: vscode.ExtensionContext,
  store: FindingsStore,
  collection: vscode.DiagnosticCollection,
): void {
  const publish = (uri: vscode.Uri): void => {
    const scan = store.peek(uri);
    const document = scan?.document;
    if (!scan || !document || document.isClosed || scan.skipped) {
      collection.delete(uri);
      return;
    }
    // Offsets of an older version would land on the wrong characters; the pending rescan publishes.
    if (scan.version !== document.version) return;
    collection.set(uri, toDiagnostics((o) => document.positionAt(o), scan, context.extensionUri));
  };
  context.subscriptions.push(store.onDidChange(publish));
  for (const d of vscode.workspace.textDocuments) {
    if (store.peek(d.uri)) publish(d.uri);
  }
}

/** The parts of a scan a diagnostic needs; a file scanned from disk (not open) has them too. */
export type ScanResult = Pick<DocumentScan, 'findings' | 'settings' | 'wrongEncoding'>;

export function toDiagnostics(
  positionAt: (offset: number) => vscode.Position,
  scan: ScanResult,
  extensionUri: vscode.Uri,
): vscode.Diagnostic[] {
  return scan.findings.map((f) => toDiagnostic(positionAt, f, scan, extensionUri));
}

function toDiagnostic(
  positionAt: (offset: number) => vscode.Position,
  f: Finding,
  scan: ScanResult,
  extensionUri: vscode.Uri,
): vscode.Diagnostic {
  const range = new vscode.Range(positionAt(f.start), positionAt(f.end));
  const { severity, minConfidence } = scan.settings;
  // Below the confidence threshold a finding is a hint to look, not a claim: never louder than Information.
  const quiet = f.confidence < minConfidence && severity < vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(
    range,
    findingMessage(f, scan.wrongEncoding),
    quiet ? vscode.DiagnosticSeverity.Information : severity,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: f.kind, target: readmeAnchor(extensionUri, f.kind) };
  return diagnostic;
}
