#!/usr/bin/env node
// Prints LOST_LETTERS_BY_LEAD of src/core/language.ts from the cached corpus (`npm run corpus`): for
// each UTF-8 lead byte of a two-byte script (Greek, the Cyrillic of Kazakh, Tatar…, Armenian,
// Hebrew, Arabic, Syriac, Thaana), the letters whose second byte is 80–9F — the ones a Latin-1
// target turns into `?` — commonest first, as counted in every language of the corpus.
// Usage: node scripts/corpus/lost-letter-order.js, then paste the object into language.ts.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const dir = path.join(ROOT, '.cache', 'corpus');
// Leads whose lost letters another table reads: Latin-1 capitals (C3), Latin Extended-A (C4, C5,
// C8: LOST_SECOND_BYTE), Russian and its neighbours (D0, D1: cyrillic.ts).
const ELSEWHERE = new Set([0xc3, 0xc4, 0xc5, 0xc8, 0xd0, 0xd1]);
const counts = new Map();
for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
  for (const ch of fs.readFileSync(path.join(dir, name), 'utf8')) {
    const cp = ch.codePointAt(0);
    if (cp < 0x180 || cp > 0x7ff || !/\p{L}/u.test(ch)) continue;
    const lead = 0xc0 | (cp >> 6);
    if (ELSEWHERE.has(lead) || (cp & 0x3f) > 0x1f) continue; // second byte A0–BF survives
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
}
const byLead = {};
for (const [ch, n] of [...counts].sort((a, b) => b[1] - a[1])) {
  if (n < 3) continue; // a letter the corpus hardly has is no likely reading
  const lead = (0xc0 | (ch.codePointAt(0) >> 6)).toString(16).toUpperCase();
  byLead[lead] = (byLead[lead] ?? '') + ch;
}
process.stdout.write(JSON.stringify(byLead, null, 1) + '\n');
