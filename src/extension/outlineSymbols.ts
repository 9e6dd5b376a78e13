import * as vscode from 'vscode';
import { OutlineCache } from './outlineCache';
import { outlineNodes, type OutlineNode } from './outlineNodes';

/** The release outline as document symbols: the Outline view, breadcrumbs and Go to Symbol show it. */
export class OutlineSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly cache: OutlineCache) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    if (!OutlineCache.applies(document)) return [];
    return outlineNodes(this.cache.get(document)).map((n) => toSymbol(document, n));
  }
}

function toSymbol(document: vscode.TextDocument, node: OutlineNode): vscode.DocumentSymbol {
  const range = new vscode.Range(document.positionAt(node.start), document.positionAt(node.end));
  // A group's selection is its first child's span: it must lie inside the group's range.
  const first = node.children[0];
  const selection = first ? new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)) : range;
  const symbol = new vscode.DocumentSymbol(node.label || ' ', node.description, node.symbolKind, range, selection);
  symbol.children = node.children.map((c) => toSymbol(document, c));
  return symbol;
}
