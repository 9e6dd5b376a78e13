#!/usr/bin/env node
// Builds the real multilingual UTF-8 corpus used by test/unit/corpus.test.ts and the benchmark:
// translated man pages and gettext catalogs from Debian packages, fetched with `apt-get download`,
// unpacked with `dpkg-deb -x`, reduced to plain prose lines, one file per language in
// .cache/corpus/ (git-ignored). Usage: node scripts/corpus/fetch.js [--force]
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { roffToLines } = require('./roff');
const { moTranslations } = require('./mo');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, '.cache', 'corpus');
const MANIFEST = path.join(OUT, 'manifest.json');
const MIN_BYTES = 10 * 1024 * 1024;
/** Per-language cap, so one big language (de, ja, zh) cannot crowd out the others. */
const MAX_BYTES_PER_LANG = 1024 * 1024;

const PACKAGES = [
  // Translated manual pages (bookworm has no Korean, Hebrew or Arabic ones).
  'manpages-fr', 'manpages-de', 'manpages-es', 'manpages-it', 'manpages-pl', 'manpages-ru',
  'manpages-ja', 'manpages-zh', 'manpages-pt-br', 'manpages-tr', 'manpages-cs', 'manpages-uk',
  'manpages-el', 'manpages-vi', 'manpages-ro', 'manpages-hu', 'manpages-sv', 'manpages-nl',
  'manpages-mk', 'manpages-sr',
  // Translation catalogs: these bring Hebrew, Arabic, Korean, Greek, Thai, Hindi … as well.
  'iso-codes', 'debconf-i18n', 'util-linux-locales', 'apt', 'dpkg',
];

function log(msg) {
  process.stderr.write(`[corpus] ${msg}\n`);
}

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }).toString();
}

function download(dir) {
  try {
    run('apt-get', ['download', ...PACKAGES], dir);
  } catch {
    // A fresh machine may have no package lists yet.
    log('apt-get download failed; running apt-get update and retrying');
    run('apt-get', ['update'], dir);
    run('apt-get', ['download', ...PACKAGES], dir);
  }
}

function* walk(dir) {
  if (!fs.existsSync(dir)) return;
  // Sorted, so the same packages always give the same corpus.
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else if (entry.isFile()) yield p;
  }
}

/** Language of a man/locale directory name: `pt_BR` → `pt-br`, `sr@latin` → `sr-latin`. */
function langTag(name) {
  return name.toLowerCase().replace('_', '-').replace('@', '-');
}

function collect(tree) {
  const byLang = new Map();
  const add = (lang, lines) => {
    if (!byLang.has(lang)) byLang.set(lang, new Set());
    const set = byLang.get(lang);
    for (const l of lines) {
      for (const part of l.split(/\r?\n/)) {
        const line = part.trim();
        if (line && /\p{L}/u.test(line)) set.add(line);
      }
    }
  };
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const manRoot = path.join(tree, 'usr', 'share', 'man');
  if (fs.existsSync(manRoot)) {
    for (const lang of fs.readdirSync(manRoot).sort()) {
      if (/^man\d/.test(lang)) continue; // English pages
      for (const file of walk(path.join(manRoot, lang))) {
        let buf = fs.readFileSync(file);
        if (file.endsWith('.gz')) buf = zlib.gunzipSync(buf);
        let src;
        try {
          src = fatal.decode(buf);
        } catch {
          continue; // a page not in UTF-8 is not what this corpus is about
        }
        add(langTag(lang), roffToLines(src));
      }
    }
  }
  const localeRoot = path.join(tree, 'usr', 'share', 'locale');
  if (fs.existsSync(localeRoot)) {
    for (const lang of fs.readdirSync(localeRoot).sort()) {
      if (/^en(_|$)/.test(lang)) continue;
      for (const file of walk(localeRoot + path.sep + lang)) {
        if (file.endsWith('.mo')) add(langTag(lang), moTranslations(fs.readFileSync(file)));
      }
    }
  }
  return byLang;
}

function main() {
  const force = process.argv.includes('--force');
  if (!force && fs.existsSync(MANIFEST)) {
    const m = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
    log(`cached: ${m.files.length} files, ${(m.totalBytes / 1048576).toFixed(1)} MB in ${OUT} (use --force to rebuild)`);
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-copy-corpus-'));
  try {
    log(`downloading ${PACKAGES.length} packages with apt-get download`);
    download(work);
    const tree = path.join(work, 'tree');
    for (const deb of fs.readdirSync(work).filter((f) => f.endsWith('.deb'))) {
      run('dpkg-deb', ['-x', path.join(work, deb), tree]);
    }
    const byLang = collect(tree);
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    const files = [];
    let totalBytes = 0;
    for (const [lang, set] of [...byLang].sort((a, b) => a[0].localeCompare(b[0]))) {
      const kept = [];
      let bytes = 0;
      for (const line of set) {
        const n = Buffer.byteLength(line) + 1;
        if (bytes + n > MAX_BYTES_PER_LANG) break;
        kept.push(line);
        bytes += n;
      }
      if (kept.length === 0) continue;
      const name = `${lang}.txt`;
      fs.writeFileSync(path.join(OUT, name), kept.join('\n') + '\n');
      files.push({ name, lang, lines: kept.length, bytes });
      totalBytes += bytes;
    }
    fs.writeFileSync(MANIFEST, JSON.stringify({ packages: PACKAGES, totalBytes, files }, null, 1) + '\n');
    log(`wrote ${files.length} language files, ${(totalBytes / 1048576).toFixed(1)} MB to ${OUT}`);
    if (totalBytes < MIN_BYTES) {
      throw new Error(`corpus is only ${totalBytes} bytes, need at least ${MIN_BYTES}`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    log(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

module.exports = { OUT, MANIFEST, MIN_BYTES };
