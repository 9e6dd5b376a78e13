#!/usr/bin/env node
// Prints the Cyrillic letter-pair table and word list of src/core/cyrillic.ts from the cached
// corpus (`npm run corpus`): how often each lowercase letter follows another in Russian, Ukrainian,
// Bulgarian, Belarusian, Serbian and Macedonian prose, and their commonest words. Built from the second half of each file, so
// the tests that read the first half do not grade the table on its own text.
// Usage: node scripts/corpus/cyrillic-bigrams.js > /tmp/table.txt, then paste each line into cyrillic.ts.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const LANGS = ['ru', 'uk', 'bg', 'be', 'sr', 'mk'];
// Each language counts as much as Russian (the corpus has far more of some than of others),
// Russian and Ukrainian, the commonest on the web, twice.
const WEIGHT = { ru: 2, uk: 2, bg: 1, be: 1, sr: 1, mk: 1 };
// The alphabet: а–я, then the letters of U+0450–U+045F, ґ; index 0 is a word's edge.
const ALPHABET = ' абвгдежзийклмнопрстуфхцчшщъыьэюяѐёђѓєѕіїјљњћќѝўџґ';
const N = ALPHABET.length;
// -log2 of the probability, in steps of half a bit, as one character from '0': '0' + 0 … '0' + 63.
const LEVELS = 64;

const counts = LANGS.map(() => new Float64Array(N * N));
LANGS.forEach((lang, l) => {
  const file = path.join(ROOT, '.cache', 'corpus', `${lang}.txt`);
  const text = fs.readFileSync(file, 'utf8').toLowerCase();
  const half = text.slice(text.length >> 1);
  for (const word of half.match(/[\u0430-\u045f\u0491]+/g) ?? []) {
    let prev = 0;
    for (const ch of word) {
      const k = ALPHABET.indexOf(ch);
      counts[l][prev * N + k]++;
      prev = k;
    }
    counts[l][prev * N]++;
  }
});

const total = new Float64Array(N * N);
LANGS.forEach((lang, l) => {
  const sum = counts[l].reduce((a, b) => a + b, 0);
  for (let i = 0; i < N * N; i++) total[i] += (WEIGHT[lang] * counts[l][i]) / sum;
});

let out = '';
for (let a = 0; a < N; a++) {
  let row = 0;
  for (let b = 0; b < N; b++) row += total[a * N + b];
  for (let b = 0; b < N; b++) {
    // Add-a-little smoothing: a pair never seen is rare, not impossible.
    const p = (total[a * N + b] + 1e-7) / (row + N * 1e-7);
    out += String.fromCharCode(48 + Math.min(LEVELS - 1, Math.round(-2 * Math.log2(p))));
  }
}
// The commonest words, commonest first (per language in turn, each word once): a garbled word whose
// lost letters leave one of them fitting is that word.
const WORDS_PER_LANGUAGE = { ru: 2000, uk: 2000, bg: 400, be: 400, sr: 800, mk: 200 };
const lists = LANGS.map((lang) => {
  const text = fs.readFileSync(path.join(ROOT, '.cache', 'corpus', `${lang}.txt`), 'utf8').toLowerCase();
  const freq = new Map();
  for (const word of text.slice(text.length >> 1).match(/[\u0430-\u045f\u0491]{2,}/g) ?? []) freq.set(word, (freq.get(word) ?? 0) + 1);
  return [...freq].sort((a, b) => b[1] - a[1]).slice(0, WORDS_PER_LANGUAGE[lang]).map(([w]) => w);
});
const words = [];
const seen = new Set();
for (let rank = 0; lists.some((l) => rank < l.length); rank++) {
  for (const list of lists) if (rank < list.length && !seen.has(list[rank])) seen.add(list[rank]) && words.push(list[rank]);
}
process.stdout.write(`${JSON.stringify(ALPHABET)}\n${JSON.stringify(out)}\n${JSON.stringify(words.join(' '))}\n`);
