import * as vscode from 'vscode';
import { extractOutline } from '../core/outline';
import type { Outline } from '../core/outline/types';
import { languageEnabled, readSettings, textSize } from './config';
import { FindingsStore } from './findingsStore';

/**
 * Releases are a few kilobytes; extraction runs synchronously on every (debounced) edit and takes
 * about half a second per megabyte, so larger documents get no outline rather than a stalled host.
 */
const OUTLINE_MAX_SIZE = 500_000;

/** Outlines per document version: the tree, the symbol provider and the export all ask for the same one. */
export class OutlineCache {
  private readonly entries = new Map<string, { version: number; outline: Outline }>();

  /** Documents that get an outline: the languages Clean Copy scans, not too large, the user's own text. */
  static applies(document: vscode.TextDocument): boolean {
    const settings = readSettings(document);
    return (
      FindingsStore.isScannable(document) &&
      languageEnabled(settings, document.languageId) &&
      textSize(document) <= Math.min(settings.maxFileSize, OUTLINE_MAX_SIZE)
    );
  }

  get(document: vscode.TextDocument): Outline {
    const key = document.uri.toString();
    const hit = this.entries.get(key);
    if (hit && hit.version === document.version) return hit.outline;
    const outline = extractOutline(document.getText());
    this.entries.set(key, { version: document.version, outline });
    return outline;
  }

  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }
}
