// "editor.codeActionsOnSave": {"source.fixAll.cleanCopy": "explicit"} repairs the sure findings on save.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { detect, DEFAULT_MIN_CONFIDENCE, repair } from '../../src/core';
import { closeAllEditors, readFixture, setSetting, tempFile, waitFor, waitForDiagnostics } from './helpers';

describe('fix on save', () => {
  afterEach(async () => {
    await setSetting('editor', 'codeActionsOnSave', undefined);
    await closeAllEditors();
  });

  it('writes the repaired text to disk and keeps the unsure findings', async () => {
    const original = readFixture('seed.txt');
    const uri = tempFile('seed.txt', original);
    await setSetting('editor', 'codeActionsOnSave', { 'source.fixAll.cleanCopy': 'explicit' });
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, detect(original).length);

    // An ordinary edit first, as a user would make before saving.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Draft\n'));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor(() => !document.isDirty, 'the save to finish');

    const edited = `Draft\n${original}`;
    const expected = repair(edited, { minConfidence: DEFAULT_MIN_CONFIDENCE }).text;
    assert.notStrictEqual(expected, edited, 'the seed has sure findings to fix');
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), expected);
    // Findings below the threshold are left for the user: they are still there after the save.
    const unsure = detect(edited).filter((f) => f.confidence < DEFAULT_MIN_CONFIDENCE);
    for (const f of unsure) assert.ok(expected.includes(f.original));
  });

  it('changes nothing on save when the setting is off', async () => {
    const original = readFixture('seed.txt');
    const uri = tempFile('seed.txt', original);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Draft\n'));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor(() => !document.isDirty, 'the save to finish');
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), `Draft\n${original}`);
  });
});
