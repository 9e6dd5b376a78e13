import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Features are registered from src/extension/*.
}

export function deactivate(): void {}
