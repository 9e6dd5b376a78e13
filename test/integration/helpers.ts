// Shared by the feature suites: the live extension, fixtures, temp copies, and polling.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CleanCopyApi } from '../../src/extension/api';

export const EXTENSION_ID = 'clean-copy.clean-copy';

export async function api(): Promise<CleanCopyApi> {
  const extension = vscode.extensions.getExtension<CleanCopyApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this host`);
  return extension.activate();
}

export function extensionPath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this host`);
  return extension.extensionPath;
}

export function fixturePath(name: string): string {
  return path.join(extensionPath(), 'test', 'fixtures', name);
}

export function readFixture(name: string): string {
  return fs.readFileSync(fixturePath(name), 'utf8');
}

/** A private copy of a fixture (or of given bytes) in a fresh temp folder, for tests that edit or save. */
export function tempFile(name: string, content: string | Uint8Array): vscode.Uri {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-copy-it-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function cleanCopyDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Clean Copy');
}

/** Waits until the diagnostics are exactly `count` (a rescan may still be in flight before that). */
export function waitForDiagnostics(uri: vscode.Uri, count: number, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const d = cleanCopyDiagnostics(uri);
    return d.length === count ? d : undefined;
  }, `${count} Clean Copy diagnostics on ${uri.toString()} (have ${cleanCopyDiagnostics(uri).length})`, timeoutMs);
}

export function rangeOf(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

export async function setSetting(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
}

/** Closes every editor, discarding unsaved changes (a "Save?" dialog would hang the suite). */
export async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Undo steps until the text is back (or `max` steps), returning how many it took. */
export async function undoUntil(document: vscode.TextDocument, text: string, max = 5): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await vscode.commands.executeCommand('undo');
    if (document.getText() === text) return i;
  }
  return Infinity;
}
