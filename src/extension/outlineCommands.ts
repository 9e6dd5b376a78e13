import * as vscode from 'vscode';
import { formatOutlineMarkdown } from '../core/outline';
import { OutlineCache } from './outlineCache';
import type { OutlineItemRef, OutlineTreeProvider } from './outlineTree';

/** Reveal, copy, export and refresh for the Release Outline view. */
export function registerOutlineCommands(tree: OutlineTreeProvider, cache: OutlineCache): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('cleanCopy.revealOutlineItem', async (ref?: OutlineItemRef) => {
      if (!ref) return;
      const document = await vscode.workspace.openTextDocument(ref.uri);
      const range = new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end));
      const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    // From the context menu VS Code passes the tree node; both it and a reference carry `copyText`.
    vscode.commands.registerCommand('cleanCopy.copyOutlineItem', async (item?: { copyText?: string; label?: string }) => {
      const text = item?.copyText ?? item?.label;
      if (text) await vscode.env.clipboard.writeText(text);
    }),
    vscode.commands.registerCommand('cleanCopy.exportOutline', async (arg?: unknown) => {
      const document =
        arg instanceof vscode.Uri
          ? await vscode.workspace.openTextDocument(arg)
          : (tree.currentDocument ?? vscode.window.activeTextEditor?.document);
      if (!document || !OutlineCache.applies(document)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a press release (a text or Markdown file) to export its outline.'));
        return undefined;
      }
      const markdown = formatOutlineMarkdown(cache.get(document));
      const exported = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      tree.ignore(exported);
      await vscode.window.showTextDocument(exported, { preview: false });
      return exported;
    }),
    vscode.commands.registerCommand('cleanCopy.refreshOutline', () => tree.refresh(true)),
  ];
}
