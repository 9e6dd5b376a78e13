import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './paths';

export const MIN_CORPUS_BYTES = 10 * 1024 * 1024;

export interface CorpusFile {
  lang: string;
  name: string;
  lines: string[];
}

interface Manifest {
  totalBytes: number;
  files: { name: string; lang: string }[];
}

/**
 * The real multilingual corpus (.cache/corpus, see scripts/corpus/fetch.js). Runs the fetch script
 * when the cache is missing — CI is a fresh machine with apt — and throws a clear error when it
 * still cannot get ≥ 10 MB: the corpus tests must fail, never skip.
 */
export function loadCorpus(): CorpusFile[] {
  const root = repoRoot();
  const dir = path.join(root, '.cache', 'corpus');
  const manifestPath = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    const script = path.join(root, 'scripts', 'corpus', 'fetch.js');
    try {
      execFileSync(process.execPath, [script], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 15 * 60 * 1000 });
    } catch (err) {
      throw new Error(`corpus missing and \`node ${script}\` failed (needs apt-get and dpkg-deb as root): ${String(err)}`);
    }
  }
  if (!fs.existsSync(manifestPath)) throw new Error(`corpus fetch finished but ${manifestPath} is missing`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
  const files = manifest.files.map((f) => {
    const text = fs.readFileSync(path.join(dir, f.name), 'utf8');
    return { lang: f.lang, name: f.name, lines: text.split('\n').filter((l) => l.length > 0) };
  });
  const total = files.reduce((n, f) => n + f.lines.reduce((m, l) => m + Buffer.byteLength(l) + 1, 0), 0);
  if (total < MIN_CORPUS_BYTES) {
    throw new Error(`corpus in ${dir} has ${total} bytes, need ≥ ${MIN_CORPUS_BYTES}; rebuild with \`npm run corpus -- --force\``);
  }
  return files;
}

/**
 * Up to `max` items spread evenly over `items` (deterministic: same corpus, same sample).
 */
export function spreadSample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.floor(i * step)]);
  return out;
}
