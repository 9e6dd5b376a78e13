// Scan Workspace reports files that are not open, honouring cleanCopy.ignore.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { detect } from '../../src/core';
import { readSettings } from '../../src/extension/config';
import { searchPatterns } from '../../src/extension/scanWorkspace';
import { api, cleanCopyDiagnostics, setSetting, waitFor } from './helpers';

describe('scan workspace', () => {
  it('puts findings of unopened files in Problems and skips ignored ones', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) this.skip();
    const extension = await api();
    const dir = path.join(folder.uri.fsPath, 'scan-it');
    fs.mkdirSync(dir, { recursive: true });
    const garbled = 'The cafÃ© said itâ€™s open.\n';
    const kept = vscode.Uri.file(path.join(dir, 'kept.txt'));
    const ignored = vscode.Uri.file(path.join(dir, 'skipped', 'ignored.md'));
    fs.writeFileSync(kept.fsPath, garbled);
    fs.mkdirSync(path.dirname(ignored.fsPath), { recursive: true });
    fs.writeFileSync(ignored.fsPath, garbled);
    try {
      await setSetting('cleanCopy', 'ignore', ['**/skipped/**']);
      const summary = await extension.scanWorkspace();
      const patterns = searchPatterns(readSettings());
      const found = await vscode.workspace.findFiles(patterns.include, patterns.exclude);
      assert.ok(summary.files >= 1, JSON.stringify({ summary, patterns, found: found.map(String), folder: folder.uri.toString() }));
      const diagnostics = await waitFor(() => {
        const d = cleanCopyDiagnostics(kept);
        return d.length > 0 ? d : undefined;
      }, 'diagnostics for kept.txt');
      assert.strictEqual(diagnostics.length, detect(garbled).length);
      assert.strictEqual(cleanCopyDiagnostics(ignored).length, 0);
    } finally {
      await setSetting('cleanCopy', 'ignore', undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
