import * as vscode from 'vscode';
import type { Outline } from '../core/outline/types';
import { OutlineCache } from './outlineCache';
import { outlineNodes, type OutlineNode } from './outlineNodes';

export const OUTLINE_VIEW_ID = 'cleanCopy.outline';
/** Context key for the welcome view: true while the tree follows a text document. */
const HAS_DOCUMENT_KEY = 'cleanCopy.outline.hasDocument';
const REFRESH_DELAY_MS = 300;

/** What the reveal and copy commands receive from a tree item. */
export interface OutlineItemRef {
  uri: vscode.Uri;
  start: number;
  end: number;
  copyText?: string;
}

/**
 * The Release Outline view: follows the active editor, refreshes (debounced) while it is edited, and
 * keeps the last text editor's outline while focus is in a panel or the view itself.
 */
export class OutlineTreeProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private document: vscode.TextDocument | undefined;
  private roots: OutlineNode[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the tree last rendered (document and outline), to skip refreshes that change nothing. */
  private signature = '';
  /** Documents the tree does not switch to (the exported outline itself). */
  private readonly ignored = new WeakSet<vscode.TextDocument>();
  /** The view, once shown by `attach`; and the roots it was last given (undefined: never rendered). */
  private view: vscode.TreeView<OutlineNode> | undefined;
  private served: OutlineNode[] | undefined;

  constructor(private readonly cache: OutlineCache) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.follow(editor.document);
        // No editor at all (every editor closed): forget the document so the welcome view shows.
        else if (vscode.window.visibleTextEditors.length === 0) this.follow(undefined);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.scheduleRefresh();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        cache.forget(d.uri);
        if (d === this.document) this.follow(undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cleanCopy')) this.refresh();
      }),
    );
    this.follow(vscode.window.activeTextEditor?.document);
  }

  /**
   * The view this provider feeds. While it is hidden, changes are not announced: a refresh a view
   * receives while hidden or while first rendering can leave rows of one group under another
   * (seen in code-server 1.100.3). It asks for its rows when first shown, and is told once shown
   * again if they changed meanwhile.
   */
  attach(view: vscode.TreeView<OutlineNode>): vscode.Disposable {
    this.view = view;
    return view.onDidChangeVisibility(({ visible }) => {
      if (visible && this.served !== undefined && this.served !== this.roots) this.changed.fire(undefined);
    });
  }

  /** The document the tree shows, if any. */
  get currentDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  /** The outline the tree shows (for export and tests). */
  get outline(): Outline | undefined {
    return this.document && OutlineCache.applies(this.document) ? this.cache.get(this.document) : undefined;
  }

  /** Keeps the tree on its current document when `document` becomes active. */
  ignore(document: vscode.TextDocument): void {
    this.ignored.add(document);
  }

  follow(document: vscode.TextDocument | undefined): void {
    if (document && this.ignored.has(document)) return;
    this.document = document && OutlineCache.applies(document) ? document : undefined;
    void vscode.commands.executeCommand('setContext', HAS_DOCUMENT_KEY, !!this.document);
    this.refresh();
  }

  /** Re-reads the outline; `force` re-renders even when nothing changed (the Refresh command). */
  refresh(force = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.document && !OutlineCache.applies(this.document)) this.document = undefined;
    const outline = this.outline;
    // Re-render only when what the tree shows changed: every refresh disposes the commands of the
    // rows on screen, and a click landing on such a row fails ("command not found").
    const signature = outline && this.document ? `${this.document.uri.toString()}\n${JSON.stringify(outline)}` : '';
    if (signature === this.signature && !force) return;
    this.signature = signature;
    this.roots = outline ? outlineNodes(outline) : [];
    if (this.view && !this.view.visible) return; // announced when shown (see attach)
    this.changed.fire(undefined);
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    if (!node) this.served = this.roots;
    return node ? node.children : this.roots;
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const isGroup = node.children.length > 0;
    const item = new vscode.TreeItem(
      oneLine(node.label),
      isGroup ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `${this.document?.uri.toString()}#${node.id}`;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    if (!isGroup && this.document) {
      const ref: OutlineItemRef = { uri: this.document.uri, start: node.start, end: node.end, copyText: node.copyText };
      item.contextValue = 'outlineItem';
      item.command = { command: 'cleanCopy.revealOutlineItem', title: vscode.l10n.t('Reveal'), arguments: [ref] };
    } else {
      item.contextValue = 'outlineGroup';
    }
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
