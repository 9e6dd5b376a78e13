/**
 * Which quotation marks and dash a text uses, guessed from its language. A lost E2 80 xx cannot
 * tell `“` from `„` or `—` from `–`: German, Czech or Slovak open with `„` and close with `“`,
 * Polish, Romanian and Hungarian close with `”`, Finnish and Swedish use `”` on both sides;
 * English, Dutch, Italian, Spanish and most others open with `“`. English sets `—` between
 * spaces, the others `–`. The language is read from its commonest short words, which stay plain
 * ASCII (or Latin-1) through every garbling.
 */

export interface QuoteStyle {
  /** Index into QUOTE_STYLES, for memo keys. */
  id: number;
  open: string;
  close: string;
  /** The dash set between spaces: English has `—`, most of Europe `–`. */
  dash: string;
}

export const QUOTE_STYLES: readonly QuoteStyle[] = [
  { id: 0, open: '“', close: '”', dash: '—' }, // English and the default
  { id: 1, open: '„', close: '“', dash: '–' }, // German, Czech, Slovak
  { id: 2, open: '„', close: '”', dash: '–' }, // Polish, Romanian, Hungarian
  { id: 3, open: '”', close: '”', dash: '–' }, // Finnish, Swedish
  { id: 4, open: '“', close: '”', dash: '–' }, // Dutch, Italian, Spanish, French
];

/** Languages by their commonest words, and the style each writes. */
const LANGUAGES: { style: number; words: ReadonlySet<string> }[] = [
  { style: 0, words: set('the and of to is that for with said will are this from has have was were') }, // English
  { style: 4, words: set('het een van niet voor zijn wordt ook maar naar worden') }, // Dutch
  { style: 4, words: set('il che di per una sono della non anche gli nel alla') }, // Italian
  { style: 4, words: set('el los las del por para una con como pero sus fue') }, // Spanish
  { style: 4, words: set('le les des est une pour dans qui pas sur avec sont') }, // French («» survive anyway)
  { style: 1, words: set('und der die das nicht ist mit von werden wird eine einer auf sich auch den dem des im') }, // German
  { style: 1, words: set('je se na pro jsou nebo jako ale jeho bude byl podle sa pre alebo ako aj') }, // Czech, Slovak
  { style: 2, words: set('nie jest oraz lub dla przez czy jak tak tylko') }, // Polish
  { style: 2, words: set('este pentru sau nu cu la din care fost mai sunt') }, // Romanian
  { style: 2, words: set('az hogy nem egy van meg csak vagy volt') }, // Hungarian
  { style: 3, words: set('ja on ei tai ole voi kun jos mutta kuin ovat') }, // Finnish
  { style: 3, words: set('och att det som inte med till av har om') }, // Swedish
];

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

/** How much text around the lossy sites is read for its language. */
const WINDOW = 8_000;

/**
 * The quotation style of the text around [from, to): the language with the most of its common
 * words, if it has at least three and clearly more than any other; English style otherwise.
 */
export function quoteStyleOf(text: string, from: number, to: number): QuoteStyle {
  const lo = Math.max(0, from - WINDOW);
  const hi = Math.min(text.length, Math.min(to, from + WINDOW) + WINDOW);
  const hits = new Array<number>(LANGUAGES.length).fill(0);
  for (const m of text.slice(lo, hi).toLowerCase().matchAll(/[a-z]+/g)) {
    if (m[0].length > 6) continue;
    for (let l = 0; l < LANGUAGES.length; l++) if (LANGUAGES[l].words.has(m[0])) hits[l]++;
  }
  let best = 0;
  for (let l = 1; l < LANGUAGES.length; l++) if (hits[l] > hits[best]) best = l;
  const rival = Math.max(...hits.filter((_, l) => l !== best));
  return hits[best] >= 3 && hits[best] >= 2 * rival ? QUOTE_STYLES[LANGUAGES[best].style] : QUOTE_STYLES[0];
}
