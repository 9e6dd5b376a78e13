// The Release Outline: document symbols, the tree view's provider, reveal, export and live refresh
// all show what extractOutline() finds.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extractOutline, formatOutlineMarkdown } from '../../src/core/outline';
import type { OutlineNode } from '../../src/extension/outlineNodes';
import { api, closeAllEditors, fixturePath, rangeOf, tempFile, waitFor } from './helpers';

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children)]);
}

describe('release outline', () => {
  afterEach(closeAllEditors);

  it('gives the same outline as extractOutline() as document symbols', async () => {
    const document = await vscode.workspace.openTextDocument(fixturePath('seed.txt'));
    const outline = extractOutline(document.getText());
    assert.ok(outline.headline && outline.quotes.length > 0 && outline.figures.length > 0, 'the seed has an outline');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const group = (name: string) => symbols.find((s) => s.name === name);

    const headline = group('Headline')!.children[0];
    assert.strictEqual(headline.name, outline.headline.text);
    assert.ok(headline.range.isEqual(rangeOf(document, outline.headline)));

    // Quotes are grouped by speaker, speakers in order of their first quote.
    const speakers = [...new Set(outline.quotes.map((q) => q.speaker))];
    const speakerSymbols = group('Quotes')!.children;
    assert.deepStrictEqual(speakerSymbols.map((s) => s.name), speakers.map((s) => s || 'Unattributed'));
    speakers.forEach((speaker, i) => {
      const quotes = outline.quotes.filter((q) => q.speaker === speaker);
      assert.deepStrictEqual(speakerSymbols[i].children.map((q) => q.name), quotes.map((q) => q.text));
      speakerSymbols[i].children.forEach((q, j) => assert.ok(q.range.isEqual(rangeOf(document, quotes[j]))));
    });

    assert.deepStrictEqual(group('Figures')!.children.map((f) => [f.name, f.detail]), outline.figures.map((f) => [f.value, f.label]));
    assert.deepStrictEqual(group('Contacts')?.children.map((c) => c.name) ?? [], outline.contacts.map((c) => c.value));
    if (outline.dateline) assert.ok(group('Dateline'));
    // Every symbol's selection lies in its range (VS Code rejects the whole answer otherwise).
    for (const s of flatten(symbols)) assert.ok(s.range.contains(s.selectionRange), s.name);
  });

  it('shows the active editor in the tree with counts, and reveals an item on click', async () => {
    const extension = await api();
    const tree = extension.outlineTree();
    const document = await vscode.workspace.openTextDocument(fixturePath('seed.txt'));
    await vscode.window.showTextDocument(document);
    await waitFor(() => tree.currentDocument === document, 'the tree to follow the editor');
    const outline = extractOutline(document.getText());

    const roots = tree.getChildren();
    const labels = roots.map((r) => r.label);
    assert.deepStrictEqual(labels, ['Headline', 'Dateline', 'Quotes', 'Figures', 'Contacts'].filter((_, i) =>
      [outline.headline, outline.dateline, outline.quotes.length, outline.figures.length, outline.contacts.length][i]));
    const quotes = roots.find((r) => r.label === 'Quotes')!;
    assert.strictEqual(tree.getTreeItem(quotes).description, String(outline.quotes.length));
    const figures = roots.find((r) => r.label === 'Figures')!;
    assert.strictEqual(tree.getTreeItem(figures).description, String(outline.figures.length));
    const firstFigure = tree.getChildren(figures)[0];
    const item = tree.getTreeItem(firstFigure);
    assert.strictEqual(item.tooltip, outline.figures[0].sentence);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);

    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), document.uri.toString());
    assert.ok(editor.selection.isEqual(new vscode.Selection(rangeOf(document, outline.figures[0]).start, rangeOf(document, outline.figures[0]).end)));
  });

  /** A copy of the seed in an editor, the tree following it. */
  async function editedCopy(name: string) {
    const tree = (await api()).outlineTree();
    const seed = (await vscode.workspace.openTextDocument(fixturePath('seed.txt'))).getText();
    const document = await vscode.workspace.openTextDocument(tempFile(name, seed));
    const editor = await vscode.window.showTextDocument(document);
    await waitFor(() => tree.currentDocument === document, 'the tree to follow the editor');
    return { tree, document, editor };
  }

  it('refreshes after edits', async () => {
    const { tree, document, editor } = await editedCopy('release.txt');
    const count = (label: string) => {
      const node = tree.getChildren().find((r: OutlineNode) => r.label === label);
      return node ? tree.getChildren(node).length : 0;
    };
    const before = count('Contacts');
    await editor.edit((b) => b.insert(document.positionAt(document.getText().length), '\nPress office: press@example.com\n'));
    const expected = extractOutline(document.getText()).contacts.length;
    assert.notStrictEqual(expected, before, 'the edit adds a contact');
    await waitFor(() => count('Contacts') === expected, `${expected} contacts in the tree`);
  });

  it('announces changes to the view only while it is shown, and once it is shown again', async () => {
    const { tree, document, editor } = await editedCopy('hidden.txt');
    await vscode.commands.executeCommand('cleanCopy.outline.focus');
    await waitFor(() => tree.getChildren().length > 0, 'the view to show the outline');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.window.showTextDocument(document);
    let announced = 0;
    const listener = tree.onDidChangeTreeData(() => announced++);
    try {
      // (Read from the outline, not getChildren: asking for the rows is what the view does when told.)
      const contacts = () => tree.outline?.contacts.length ?? 0;
      const before = contacts();
      await editor.edit((b) => b.insert(document.positionAt(document.getText().length), '\nPress office: hidden@example.com\n'));
      await waitFor(() => contacts() > before, 'the outline to take the new contact');
      assert.strictEqual(announced, 0, 'a hidden view is not told');
      await vscode.commands.executeCommand('cleanCopy.outline.focus');
      await waitFor(() => announced > 0, 'the view to be told once shown');
    } finally {
      listener.dispose();
    }
  });

  it('exports the outline as an untitled Markdown document', async () => {
    const document = await vscode.workspace.openTextDocument(fixturePath('seed.txt'));
    await vscode.window.showTextDocument(document);
    const exported = await vscode.commands.executeCommand<vscode.TextDocument>('cleanCopy.exportOutline', document.uri);
    assert.ok(exported);
    assert.strictEqual(exported.languageId, 'markdown');
    assert.ok(exported.isUntitled);
    assert.strictEqual(exported.getText(), formatOutlineMarkdown(extractOutline(document.getText())));
  });

  it('copies an item to the clipboard', async () => {
    const extension = await api();
    const tree = extension.outlineTree();
    const document = await vscode.workspace.openTextDocument(fixturePath('seed.txt'));
    await vscode.window.showTextDocument(document);
    await waitFor(() => tree.currentDocument === document, 'the tree to follow the editor');
    const headline = tree.getChildren(tree.getChildren().find((r) => r.label === 'Headline'))[0];
    await vscode.commands.executeCommand('cleanCopy.copyOutlineItem', headline);
    assert.strictEqual(await vscode.env.clipboard.readText(), extractOutline(document.getText()).headline!.text);
  });
});
