#!/usr/bin/env node
// Prints CAPITAL_BEFORE_PAIRS of src/core/language.ts from the cached corpus (`npm run corpus`): for each
// language of LOST_LATIN1_CAPITALS, the capital of C3 80–9F (the ones a Latin-1 target turns into
// `Ã?`) that starts its words before a given lowercase letter, where the corpus's words, capitalised
// or not, start with it 95% of the time or more, ten times or more (Spanish `s` É: ésta, éxito;
// Turkish `e` Ç: çelik, çevre).
// Usage: node scripts/corpus/capital-before.js, then paste the object into language.ts.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const dir = path.join(ROOT, '.cache', 'corpus');
const source = fs.readFileSync(path.join(ROOT, 'src', 'core', 'language.ts'), 'utf8');
const table = source.slice(source.indexOf('export const LOST_LATIN1_CAPITALS'));
const capitals = Object.fromEntries([...table.slice(0, table.indexOf('};')).matchAll(/(\w+): \{ letters: '([^']+)'/g)].map((m) => [m[1], m[2]]));
const out = {};
for (const [lang, letters] of Object.entries(capitals)) {
  const file = path.join(dir, `${lang}.txt`);
  if (!fs.existsSync(file)) continue;
  const byNext = new Map();
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?<![\p{L}])(\p{L})(\p{Ll})/gu)) {
    const capital = m[1].toUpperCase();
    if (!letters.includes(capital)) continue;
    const counts = byNext.get(m[2]) ?? new Map();
    counts.set(capital, (counts.get(capital) ?? 0) + 1);
    byNext.set(m[2], counts);
  }
  let row = '';
  for (const [next, counts] of [...byNext].sort()) {
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const total = ranked.reduce((n, [, c]) => n + c, 0);
    if (ranked[0][1] >= 10 && ranked[0][1] >= 0.95 * total) row += next + ranked[0][0];
  }
  if (row) out[lang] = row;
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
