import * as vscode from 'vscode';
import type { CleanCopyApi } from './extension/api';
import { CleanCopyCodeActions } from './extension/codeActions';
import { registerFixAll, registerShowExplanation } from './extension/commands';
import { registerDiagnostics } from './extension/diagnostics';
import { DOCUMENT_SELECTOR, FindingsStore } from './extension/findingsStore';
import { registerHover } from './extension/hover';
import { OutlineCache } from './extension/outlineCache';
import { registerOutlineCommands } from './extension/outlineCommands';
import { OutlineSymbolProvider } from './extension/outlineSymbols';
import { OUTLINE_VIEW_ID, OutlineTreeProvider } from './extension/outlineTree';
import { WorkspaceScanner } from './extension/scanWorkspace';
import { StatusItem } from './extension/statusItem';

/** Wires the features in src/extension/* to VS Code; each of them is a thin adapter over src/core. */
export function activate(context: vscode.ExtensionContext): CleanCopyApi {
  const collection = vscode.languages.createDiagnosticCollection('cleanCopy');
  const store = new FindingsStore();
  context.subscriptions.push(collection, store);
  registerDiagnostics(context, store, collection);

  const status = new StatusItem(store);
  const scanner = new WorkspaceScanner(context.extensionUri, collection);
  context.subscriptions.push(
    status,
    scanner,
    registerHover(context, store, DOCUMENT_SELECTOR),
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new CleanCopyCodeActions(store), CleanCopyCodeActions.metadata),
    registerFixAll(store),
    registerShowExplanation(context, store),
  );

  const outlineCache = new OutlineCache();
  const tree = new OutlineTreeProvider(outlineCache);
  const treeView = vscode.window.createTreeView(OUTLINE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(
    tree,
    treeView,
    tree.attach(treeView),
    vscode.languages.registerDocumentSymbolProvider(DOCUMENT_SELECTOR, new OutlineSymbolProvider(outlineCache), {
      label: 'Release Outline',
    }),
    ...registerOutlineCommands(tree, outlineCache),
  );

  return {
    scan: (document) => store.current(document),
    outlineTree: () => tree,
    statusItem: () => status,
    scanWorkspace: () => scanner.run(),
  };
}

export function deactivate(): void {}
