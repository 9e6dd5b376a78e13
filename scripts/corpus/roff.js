// Turns a roff (man page) source into plain prose lines. Not a roff interpreter: it keeps the
// human text (including the arguments of font macros such as .B/.I/.SH) and drops layout requests,
// comments and escapes, which is all the corpus needs.
'use strict';

/** Named roff glyphs that commonly occur in translated man pages. */
const NAMED = {
  em: '—', en: '–', hy: '-', aq: "'", dq: '"', lq: '“', rq: '”', oq: '‘', cq: '’',
  Fo: '«', Fc: '»', fo: '‹', fc: '›', bu: '•', co: '©', rg: '®', tm: '™', de: '°',
  mu: '×', di: '÷', '+-': '±', '<=': '≤', '>=': '≥', '!=': '≠', '->': '→', '<-': '←',
  ga: '`', ha: '^', ti: '~', rs: '\\', sl: '/', ba: '|', lB: '[', rB: ']', lC: '{', rC: '}',
  'Eu': '€', eu: '€', Po: '£', Ye: '¥', ct: '¢', ss: 'ß', pc: '·', sc: '§', ps: '¶', dg: '†',
};

/** Macros whose arguments are text to keep (font changes and headings). */
const TEXT_MACROS = new Set(['B', 'I', 'BR', 'RB', 'IR', 'RI', 'BI', 'IB', 'SM', 'SB', 'SH', 'SS', 'Nm', 'Nd', 'Dq', 'Sq', 'Ql']);

function unescape(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[++i];
    if (n === undefined) break;
    if (n === '-' ) out += '-';
    else if (n === 'e' || n === '\\') out += '\\';
    else if (n === ' ' || n === '~') out += '\u00A0'; // unbreakable space: real text has NBSP here
    else if (n === '&' || n === ':' || n === '%' || n === '/' || n === ',' || n === 'c' || n === '|' || n === '^' || n === ')') {
      // zero-width escapes
    } else if (n === '"' || n === '#') {
      return out; // comment to end of line
    } else if (n === '(') {
      const name = s.slice(i + 1, i + 3);
      out += NAMED[name] ?? '';
      i += 2;
    } else if (n === '[') {
      const close = s.indexOf(']', i);
      if (close < 0) break;
      const name = s.slice(i + 1, close);
      const m = /^u([0-9A-Fa-f]{4,6})$/.exec(name);
      out += m ? String.fromCodePoint(parseInt(m[1], 16)) : (NAMED[name] ?? '');
      i = close;
    } else if (n === 'f' || n === 'F' || n === '*' || n === 'n' || n === 'g' || n === 'k' || n === 'm' || n === 'V' || n === 'Y') {
      // one-char, (xx or [xxx] argument: drop
      const a = s[i + 1];
      if (a === '(') i += 3;
      else if (a === '[') {
        const close = s.indexOf(']', i);
        i = close < 0 ? s.length : close;
      } else i += 1;
    } else if (n === 's') {
      const m = /^[+-]?(\d{1,2}|\(\d\d|\[\d+\])/.exec(s.slice(i + 1));
      if (m) i += m[0].length;
    } else if ('hvwlLDoXNbBxHSRZAC'.includes(n)) {
      // escapes with a quoted argument: \h'..', \w'..', \X'..' …
      const q = s[i + 1];
      if (q) {
        const close = s.indexOf(q, i + 2);
        i = close < 0 ? s.length : close;
      }
    } else if (n === 't') out += '\t';
    else if (n === '.') out += '.';
    else out += n; // unknown: keep the character itself
  }
  return out;
}

/** Splits the arguments of a macro line, honouring "double quoted" arguments. */
function macroArgs(rest) {
  const args = [];
  const re = /"((?:[^"]|"")*)"?|(\S+)/g;
  let m;
  while ((m = re.exec(rest))) args.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
  return args;
}

/** Plain prose lines of a roff document (empty lines and pure markup dropped). */
function roffToLines(src) {
  const lines = [];
  let skipping = null; // inside .de … .. or a tbl/eqn block we cannot read
  for (const raw of src.split(/\r?\n/)) {
    if (skipping) {
      if (raw.startsWith(skipping)) skipping = null;
      continue;
    }
    let text;
    if (raw.startsWith('.') || raw.startsWith("'")) {
      const m = /^[.'][ \t]*(\S*)[ \t]*(.*)$/.exec(raw);
      const name = m ? m[1] : '';
      if (name === 'de' || name === 'am' || name === 'ig') {
        skipping = '..';
        continue;
      }
      if (name === 'EQ') {
        skipping = '.EN';
        continue;
      }
      if (!TEXT_MACROS.has(name)) continue;
      const args = macroArgs(m[2]);
      text = ['B', 'I', 'SM', 'SB', 'SH', 'SS', 'Nm', 'Nd', 'Dq', 'Sq', 'Ql'].includes(name) ? args.join(' ') : args.join('');
    } else {
      text = raw;
    }
    const line = unescape(text).replace(/[ \t]+$/, '').replace(/^[ \t]+/, '');
    // Keep only lines with some letters: drops tables of numbers and leftover markup.
    if (/\p{L}/u.test(line)) lines.push(line);
  }
  return lines;
}

module.exports = { roffToLines, unescape };
