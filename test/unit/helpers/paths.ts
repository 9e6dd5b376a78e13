import * as fs from 'fs';
import * as path from 'path';

/** The repository root: the nearest folder above this file (or the bundle in dist/) with our package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && /"name":\s*"clean-copy"/.test(fs.readFileSync(pkg, 'utf8'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/**
 * A folder under `shared/`: beside the clone (how CI lays it out), else /work/shared. Throws with
 * the places looked at, so a missing corpus fails loudly instead of skipping.
 */
export function sharedPath(sub: string): string {
  const candidates = [path.resolve(repoRoot(), '..', 'shared', sub), path.join('/work/shared', sub)];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`shared/${sub} not found; looked in:\n  ${candidates.join('\n  ')}`);
  return found;
}
