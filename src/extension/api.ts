import type * as vscode from 'vscode';
import type { DocumentScan } from './findingsStore';
import type { OutlineTreeProvider } from './outlineTree';
import type { StatusItem } from './statusItem';
import type { WorkspaceScanSummary } from './scanWorkspace';

/** What `activate` returns: a window into the live extension for the integration tests. */
export interface CleanCopyApi {
  /** The up-to-date scan of a document (runs a pending rescan first). */
  scan(document: vscode.TextDocument): DocumentScan | undefined;
  /** The Release Outline tree's data provider. */
  outlineTree(): OutlineTreeProvider;
  statusItem(): StatusItem;
  scanWorkspace(): Promise<WorkspaceScanSummary>;
}
