import * as fs from 'fs';
import * as path from 'path';
import { sharedPath } from './paths';

/** One case of ftfy's test suite (see shared/corpora/ftfy-cases/README.md). */
export interface FtfyCase {
  label: string;
  original: string;
  fixed: string;
  'fixed-encoding'?: string;
  expect: string;
  comment?: string;
}

export const FTFY_FILES = ['synthetic.json', 'negative.json', 'language-names.json'] as const;

/** The cases of one file; throws (test fails) when the corpus is not where CI or /work puts it. */
export function loadFtfyCases(file: string): FtfyCase[] {
  const cases = JSON.parse(fs.readFileSync(path.join(sharedPath('corpora/ftfy-cases'), file), 'utf8')) as FtfyCase[];
  if (!Array.isArray(cases) || cases.length === 0) throw new Error(`${file}: no cases`);
  return cases;
}

/** What our engine should produce: the encoding-only fix when ftfy records one, else its full fix. */
export function expectedOf(c: FtfyCase): string {
  return c['fixed-encoding'] ?? c.fixed;
}
