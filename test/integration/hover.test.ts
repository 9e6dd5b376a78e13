// Hovering garbled text explains it: bytes, codecs, best repair and alternatives.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { detect } from '../../src/core';
import { closeAllEditors, fixturePath, tempFile, waitForDiagnostics } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('hover', () => {
  afterEach(closeAllEditors);

  it('shows the repair, the alternatives and the codecs of a finding', async () => {
    const document = await vscode.workspace.openTextDocument(fixturePath('seed.txt'));
    const findings = detect(document.getText());
    await waitForDiagnostics(document.uri, findings.length);
    const f = findings.find((x) => x.alternatives.length > 0 && x.wrongCodecs?.length)!;
    assert.ok(f, 'a finding with alternatives and codecs');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      document.positionAt(f.start + 1),
    );
    const text = hoverText(hovers);
    assert.ok(text.includes(`\`${f.original}\` → **\`${f.replacement}\`**`), text);
    for (const alt of f.alternatives) assert.ok(text.includes(`\`${alt}\``), `${alt} in ${text}`);
    assert.ok(text.includes('Windows-1252'), text);
    assert.ok(text.includes('should be: UTF-8'), text);
  });

  it('shows the bytes of a reversible finding in hex', async () => {
    const document = await vscode.workspace.openTextDocument(tempFile('garbled.txt', 'Itâ€™s here.\n'));
    const f = detect(document.getText())[0];
    assert.ok(f?.bytes?.length, 'the engine reports the bytes');
    await waitForDiagnostics(document.uri, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(f.start));
    const hex = f.bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    assert.ok(hoverText(hovers).includes(hex), hoverText(hovers));
  });

  it('says nothing over clean text', async () => {
    const document = await vscode.workspace.openTextDocument(tempFile('clean.txt', 'It’s clean.\n'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 2));
    assert.ok(!hoverText(hovers).includes('Clean Copy'));
  });
});
