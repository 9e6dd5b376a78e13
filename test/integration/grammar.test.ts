// The injection grammar, tokenized by the same TextMate engine and Markdown grammar as the running
// editor (found under vscode.env.appRoot): quotes, figures and mojibake get scopes themes colour.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { extensionPath } from './helpers';

interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
}

const INJECTION = 'text.clean-copy.injection';

async function loadGrammar(scope: string): Promise<Grammar | undefined> {
  const modules = path.join(vscode.env.appRoot, 'node_modules');
  if (!fs.existsSync(path.join(modules, 'vscode-textmate')) || !fs.existsSync(path.join(modules, 'vscode-oniguruma'))) return undefined;
  // Loaded at run time from the editor's own install: not a dependency of the extension.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tm = require(path.join(modules, 'vscode-textmate'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const onig = require(path.join(modules, 'vscode-oniguruma'));
  await onig.loadWASM(fs.readFileSync(path.join(modules, 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
  const markdown = vscode.extensions.all
    .flatMap((e) => ((e.packageJSON?.contributes?.grammars ?? []) as { scopeName: string; path: string }[]).map((g) => ({ ...g, root: e.extensionPath })))
    .find((g) => g.scopeName === 'text.html.markdown');
  const files: Record<string, string> = {
    'text.plain': path.join(extensionPath(), 'syntaxes', 'plaintext.tmLanguage.json'),
    [INJECTION]: path.join(extensionPath(), 'syntaxes', 'clean-copy.injection.tmLanguage.json'),
  };
  if (markdown) files['text.html.markdown'] = path.join(markdown.root, markdown.path);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new onig.OnigScanner(p),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (s: string) => (files[s] ? tm.parseRawGrammar(fs.readFileSync(files[s], 'utf8'), files[s]) : null),
    getInjections: (s: string) => (s === 'text.plain' || s === 'text.html.markdown' ? [INJECTION] : []),
  });
  return (await registry.loadGrammar(scope)) ?? undefined;
}

/** Each piece of text the injection scoped, with its Clean Copy scopes. */
function scoped(grammar: Grammar, text: string): [string, string][] {
  const out: [string, string][] = [];
  let state: unknown = null;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    for (const t of r.tokens) {
      const scopes = t.scopes.filter((s) => s.endsWith('.clean-copy'));
      if (scopes.length > 0) out.push([line.slice(t.startIndex, t.endIndex), scopes.join(' ')]);
    }
  }
  return out;
}

describe('injection grammar', () => {
  it('scopes mojibake, quotes and figures in plain text', async function () {
    const grammar = await loadGrammar('text.plain');
    if (!grammar) this.skip();
    const tokens = scoped(grammar, 'Huaweiâ??s cafÃ© costs Â£5 â€™ and x\uFFFDy.\nHe said “revenue was US$630 million, up 12%” with 6,600 filings.');
    const scopeOf = (text: string) => tokens.find(([t]) => t === text)?.[1] ?? '';
    for (const garbled of ['â??', 'Ã©', 'Â£', 'â€™', '\uFFFD']) assert.ok(scopeOf(garbled).includes('invalid.illegal.mojibake'), `${garbled}: ${JSON.stringify(tokens)}`);
    assert.ok(scopeOf('“').includes('punctuation.definition.string.begin'), JSON.stringify(tokens));
    assert.ok(scopeOf('US$630 million').includes('string.quoted.double.clean-copy constant.numeric.currency'), JSON.stringify(tokens));
    assert.ok(scopeOf('12%').includes('constant.numeric.percentage'), JSON.stringify(tokens));
    assert.ok(scopeOf('6,600').includes('constant.numeric.figure'), JSON.stringify(tokens));
    assert.ok(!tokens.some(([t]) => t.includes('Huawei')), 'clean words stay unscoped');
  });

  it('scopes Markdown prose but not inline code', async function () {
    const grammar = await loadGrammar('text.html.markdown');
    if (!grammar) this.skip();
    const tokens = scoped(grammar, '# Title â€™\n\nHe said “up 12%” and `code â€™` here.\n');
    assert.strictEqual(tokens.filter(([t, s]) => t === 'â€™' && s.includes('mojibake')).length, 1, JSON.stringify(tokens));
    assert.ok(tokens.some(([t, s]) => t === '12%' && s.includes('percentage')), JSON.stringify(tokens));
  });
});
