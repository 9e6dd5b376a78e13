import * as vscode from 'vscode';

const REPLACEMENT_CHAR = '\uFFFD';
/** Enough U+FFFD in one text that a wrong file encoding is likelier than a few damaged characters. */
const MANY_REPLACEMENT_CHARS = 3;

/**
 * Tells whether a document's U+FFFD come from the *file* not being UTF-8 (VS Code decoded bytes such as
 * Windows-1252 `0x92` as UTF-8 and lost them). Then "Reopen with Encoding" restores the text, and any
 * text edit would save the loss for good.
 */
export class WrongEncodingChecker {
  /** Verdicts per file, keyed by uri; dropped when the file is saved. */
  private readonly verdicts = new Map<string, Promise<boolean>>();
  private readonly settled = new Map<string, boolean>();

  /** The verdict if it is already known (no I/O). */
  cached(document: vscode.TextDocument): boolean | undefined {
    if (!document.getText().includes(REPLACEMENT_CHAR)) return false;
    return this.settled.get(document.uri.toString());
  }

  invalidate(uri: vscode.Uri): void {
    this.verdicts.delete(uri.toString());
    this.settled.delete(uri.toString());
  }

  check(document: vscode.TextDocument): Promise<boolean> {
    const text = document.getText();
    if (!text.includes(REPLACEMENT_CHAR) || document.isUntitled) return Promise.resolve(false);
    const key = document.uri.toString();
    let verdict = this.verdicts.get(key);
    if (!verdict) {
      verdict = readVerdict(document.uri, text).then((v) => {
        this.settled.set(key, v);
        return v;
      });
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }
}

async function readVerdict(uri: vscode.Uri, text: string): Promise<boolean> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    // Valid UTF-8 on disk means the U+FFFD are saved in the file: the bytes are gone, nothing to reopen.
    return !isValidUtf8(bytes);
  } catch {
    // Cannot read the file (virtual file system, deleted): fall back to what the text looks like.
    return looksLikeWrongEncoding(text);
  }
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Many U+FFFD, or U+FFFD inside words (`Huawei�s`, `caf�`): typical of single-byte text read as UTF-8. */
export function looksLikeWrongEncoding(text: string): boolean {
  let count = 0;
  for (let i = text.indexOf(REPLACEMENT_CHAR); i >= 0; i = text.indexOf(REPLACEMENT_CHAR, i + 1)) {
    if (++count >= MANY_REPLACEMENT_CHARS) return true;
  }
  return /[A-Za-z]\uFFFD|\uFFFD[A-Za-z]/.test(text);
}
