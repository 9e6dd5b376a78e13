/**
 * A small glob matcher for `cleanCopy.ignore` and `search.exclude`: VS Code has no API that matches a
 * glob against a path without an open document. Supports `**`, `*`, `?`, `[...]` and `{a,b}` (nested).
 */
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (!re) {
    // A pattern without a slash matches at any depth, as in .gitignore and VS Code's own excludes.
    const anchored = glob.includes('/') ? glob.replace(/^\.?\//, '') : `**/${glob}`;
    re = new RegExp(`^${translate(anchored)}$`);
    cache.set(glob, re);
  }
  return re;
}

function translate(glob: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        // `**/` = any number of folders (including none); a trailing `**` = anything.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        out += '\\[';
      } else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else if (ch === '{') {
      depth++;
      out += '(?:';
    } else if (ch === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (ch === ',' && depth > 0) {
      out += '|';
    } else {
      out += ch.replace(/[.+^$()|\\\]}{]/g, '\\$&');
    }
  }
  return out + ')'.repeat(depth);
}
