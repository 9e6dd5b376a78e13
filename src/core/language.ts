/**
 * The language of a text, guessed from its commonest short words (which stay plain ASCII through
 * every garbling), and what it decides where lost bytes leave a choice: the quotation marks and the
 * dash (a lost E2 80 xx cannot tell `“` from `„` or `—` from `–`), and the letter a lost second
 * byte stood for (`Å?` is Polish `ł`, Czech `ř`, Hungarian `ő`).
 */

export type Language = 'en' | 'nl' | 'it' | 'es' | 'pt' | 'ca' | 'fr' | 'de' | 'cs' | 'sk' | 'pl' | 'ro' | 'hu' | 'fi' | 'sv' | 'tr' | 'hr' | 'sl' | 'lv' | 'lt' | 'unknown';

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
  { id: 1, open: '„', close: '“', dash: '–' }, // German, Czech, Slovak, Slovene, Lithuanian, Latvian
  { id: 2, open: '„', close: '”', dash: '–' }, // Polish, Romanian, Hungarian, Croatian
  { id: 3, open: '”', close: '”', dash: '–' }, // Finnish, Swedish
  { id: 4, open: '“', close: '”', dash: '–' }, // Dutch, Italian, Spanish, Portuguese, Catalan, French, Turkish
  { id: 5, open: '“', close: '”', dash: '–' }, // British English: a spaced en dash
];

/** Spellings that tell British English from American (the first list) and back. */
const BRITISH = set('colour colours favour honour labour neighbour neighbours behaviour centre centres metre metres theatre programme programmes organisation organisations organise organised recognise recognised realise realised analyse analysed licence defence catalogue travelled cancelled whilst amongst fulfil cheque tyre tyres grey aluminium modelling labelled');
const AMERICAN = set('color colors favor honor labor neighbor neighbors behavior center centers meter theater organization organizations organize organized recognize recognized realize realized analyze analyzed defense catalog traveled canceled modeling labeled');

/** Each language: its commonest words and its quotation style. */
const LANGUAGES: { lang: Language; style: number; words: ReadonlySet<string> }[] = [
  { lang: 'en', style: 0, words: set('the and of is that for with said will are this from has have was were which you your it be not but they their can would there what about been') }, // not `to`: Czech has it
  { lang: 'nl', style: 4, words: set('het een van niet voor zijn wordt ook maar naar worden') },
  { lang: 'it', style: 4, words: set('il che di per una sono della non anche gli nel alla') },
  { lang: 'es', style: 4, words: set('el los las del por para una con como pero sus fue y hoy muy hay') },
  { lang: 'pt', style: 4, words: set('uma para com dos das pelo pela mais ao em seu sua este esta') },
  { lang: 'ca', style: 4, words: set('els amb dels aquest aquesta pel als seu seva sobre hi ho pot cal') },
  { lang: 'fr', style: 4, words: set('le les des est une pour dans qui pas sur avec sont') },
  { lang: 'de', style: 1, words: set('und der die das nicht ist mit von werden wird eine einer auf sich auch den dem des im') },
  { lang: 'cs', style: 1, words: set('je se na pro jsou nebo jako ale jeho bude byl podle') },
  { lang: 'sk', style: 1, words: set('sa pre alebo ako aj je na sme boli bude podla') },
  { lang: 'pl', style: 2, words: set('nie jest oraz lub dla przez czy jak tak tylko w') }, // `w` alone: Czech and Slovak write `v`
  { lang: 'ro', style: 2, words: set('este pentru sau nu cu din care fost mai sunt acest pe prin poate nici unui unei dintre despre noastre iar') }, // not `la`: Spanish, Italian, French have it; not `vor`: German
  { lang: 'hu', style: 2, words: set('az hogy nem egy van meg csak vagy volt') },
  { lang: 'fi', style: 3, words: set('ja on ei tai ole voi kun jos mutta kuin ovat') },
  { lang: 'sv', style: 3, words: set('och att det som inte med till av har om') },
  { lang: 'tr', style: 4, words: set('ve bir bu ile daha gibi ama olan veya kadar') },
  { lang: 'hr', style: 2, words: set('su ili kao koji koja za od biti nije samo') },
  { lang: 'sl', style: 1, words: set('in ki so tudi pa ali za bo smo kot') },
  { lang: 'lv', style: 1, words: set('un ir ar uz par kas lai bet vai tas') },
  { lang: 'lt', style: 1, words: set('ir yra kad su bet kaip tai jo buvo nuo') },
];

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

/** How much text around the sites is read for its language. */
const WINDOW = 8_000;

/** The text read for the language of [from, to): WINDOW either side of its first WINDOW, lowercased. */
function textAround(text: string, from: number, to: number): string {
  const [lo, hi] = windowAround(text, from, to);
  return text.slice(lo, hi).toLowerCase();
}

/** The bounds of the text read for the language of [from, to) (see textAround). */
function windowAround(text: string, from: number, to: number): [number, number] {
  return [Math.max(0, from - WINDOW), Math.min(text.length, Math.min(to, from + WINDOW) + WINDOW)];
}

/**
 * The language of the text around [from, to): the one with the most of its common words, if it
 * has at least three and half as many again as any other; `unknown` otherwise.
 */
export function languageOf(text: string, from: number, to: number): Language {
  const hits = new Array<number>(LANGUAGES.length).fill(0);
  // (Whole words: `[a-z]+` would cut Yoruba `wà` to a Polish `w`.)
  for (const m of textAround(text, from, to).matchAll(/\p{L}+/gu)) {
    if (m[0].length > 6) continue;
    for (let l = 0; l < LANGUAGES.length; l++) if (LANGUAGES[l].words.has(m[0])) hits[l]++;
  }
  let best = 0;
  for (let l = 1; l < LANGUAGES.length; l++) if (hits[l] > hits[best]) best = l;
  const rival = Math.max(...hits.filter((_, l) => l !== best));
  return hits[best] >= 3 && 2 * hits[best] >= 3 * rival ? LANGUAGES[best].lang : 'unknown';
}

/**
 * Letters that come through the lossy pipeline whole (their second byte A0–BF is a Latin-1 sign)
 * and belong to one language: `Å¯` is Czech ů, `Ä¾` Slovak ľ, `Å¼` Polish ż. They tell the
 * language of a text whose common words do not (garbled words, or a short text). So does a lost
 * one whose lead only one language uses: `È?` is Romanian ș or ț.
 */
const TELLING_LETTERS: readonly (readonly [string, Language])[] = [
  ['Å¯', 'cs'], ['Å®', 'cs'], ['Ä¾', 'sk'], ['Äº', 'sk'], ['Ä½', 'sk'], ['Å¼', 'pl'], ['Åº', 'pl'], ['Å»', 'pl'],
  ['Å±', 'hu'], ['Å°', 'hu'], ['Å£', 'ro'], ['È?', 'ro'], ['Ä±', 'tr'], ['Ä°', 'tr'], ['Ä«', 'lv'], ['Ä£', 'lv'], ['Ä·', 'lv'],
  ['Ä¼', 'lv'], ['Å³', 'lt'], ['Ä¯', 'lt'],
];

/** The language its telling letters (see TELLING_LETTERS) show around [from, to), or 'unknown'. */
export function languageOfLetters(text: string, from: number, to: number): Language {
  // (Searched in the window alone: a search of the text from `lo` would run on to its end.)
  const [lo, hi] = windowAround(text, from, to);
  const window = text.slice(lo, hi);
  const hits = new Map<Language, number>();
  for (const [form, lang] of TELLING_LETTERS) {
    for (let i = window.indexOf(form); i >= 0; i = window.indexOf(form, i + 2)) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  const ranked = [...hits].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || ranked[0][1] < 2 || (ranked.length > 1 && ranked[0][1] < 3 * ranked[1][1])) return 'unknown';
  return ranked[0][0];
}

/**
 * The quotation marks and dash of a language (English style when it is unknown); for English, of
 * its British or American spelling in the text around [from, to) (British sets its dash `–`).
 */
export function quoteStyleOf(lang: Language, text = '', from = 0, to = 0): QuoteStyle {
  if (lang === 'en' && spelledBritish(text, from, to)) return QUOTE_STYLES[5];
  return QUOTE_STYLES[LANGUAGES.find((l) => l.lang === lang)?.style ?? 0];
}

/** Two British spellings or more, and more than twice the American ones, near [from, to). */
function spelledBritish(text: string, from: number, to: number): boolean {
  let british = 0;
  let american = 0;
  for (const m of textAround(text, from, to).matchAll(/[a-z]{4,}/g)) {
    if (BRITISH.has(m[0])) british++;
    else if (AMERICAN.has(m[0])) american++;
  }
  return british >= 2 && british > 2 * american;
}

/**
 * Letters whose second UTF-8 byte (80–9F) a Latin-1 target lacks, so that only the lead survives
 * (`Ä?`, `Å?`, `È?`): by lead and language, commonest first (lowercase; the capital shares the
 * lead). `unknown` lists them by how widely they are used.
 */
export const LOST_SECOND_BYTE: Readonly<Record<string, Partial<Record<Language, string>>>> = {
  Ä: { cs: 'ěčď', sk: 'čď', pl: 'ęąć', ro: 'ă', tr: 'ğ', hr: 'čćđ', sl: 'č', lv: 'āčē', lt: 'ėčąę', unknown: 'čěęąćăğāđďēė' },
  Å: { cs: 'řň', sk: 'ňŕ', pl: 'łśń', ro: 'ş', tr: 'ş', hu: 'ő', lv: 'ņ', fr: 'œ', unknown: 'łřśőşńňœ' },
  È: { ro: 'șț' },
};

/**
 * Capitals whose second UTF-8 byte (80–9F) a Latin-1 target lacks, so that only `Ã?` is left: by
 * language, commonest first (counted in the Debian catalogs, where most stand in capitalised
 * words). `clear`: the first is right four times in five or more (French É), worth repairing;
 * Swedish Ä, at two in three, is not.
 * (The lowercase letters, A0–BF, all survive: `Ã©` is é.)
 */
export const LOST_LATIN1_CAPITALS: Readonly<Partial<Record<Language, { letters: string; clear: boolean }>>> = {
  fr: { letters: 'ÉÈÎÀÇÊÔ', clear: true },
  de: { letters: 'ÄÜÖ', clear: false },
  es: { letters: 'ÓÁÚÑÉÍ', clear: false },
  pt: { letters: 'ÚÍÃÇÓÉÁÕÊÔ', clear: false },
  ca: { letters: 'ÀÍÉÚÓÈÒÇ', clear: false },
  it: { letters: 'ÈÀÉÒÙÌ', clear: false },
  sv: { letters: 'ÄÖÅ', clear: false },
  fi: { letters: 'ÄÖ', clear: false },
  nl: { letters: 'ÉËÏ', clear: false },
  hu: { letters: 'ÁÉÓÖÍÚÜ', clear: false },
  cs: { letters: 'ÍÁÉÝÚÓ', clear: false },
  sk: { letters: 'ÁÉÍÓÚÝÄÔ', clear: false },
  pl: { letters: 'Ó', clear: true },
  ro: { letters: 'ÂÎ', clear: false },
  tr: { letters: 'ÇÖÜ', clear: false },
};

/**
 * German Ä Ö Ü starting a word, by the letter after (the corpus has Üb 160, Än 148, Äh 19, Öf 11,
 * Äq 7 and no other way round; Ös, Ök, Äu, Är from the common words: Österreich, Ökologie,
 * äußerst, Ärzte).
 */
export const GERMAN_CAPITAL_BEFORE: Readonly<Record<string, string>> = { b: 'Ü', n: 'Ä', h: 'Ä', q: 'Ä', u: 'Ä', r: 'Ä', f: 'Ö', s: 'Ö', k: 'Ö' };

/**
 * The capital of LOST_LATIN1_CAPITALS that starts a word before a lowercase letter, by language, as
 * pairs of that letter and the capital: where the corpus's words, capitalised or not, start so 95% of
 * the time or more (Spanish `s` É: ésta, éxito; Turkish `e` Ç: çelik; not Spanish `l`, Último 87%
 * of the time, where names such as Álvarez stand). Counted by
 * scripts/corpus/capital-before.js; regenerate, do not edit.
 */
const CAPITAL_BEFORE_PAIRS: Readonly<Partial<Record<Language, string>>> = {
  fr: 'cÉdÉgÉlÉmÉnÉqÉvÉ',
  de: 'bÜfÖhÄlÄnÄqÄ',
  es: 'rÓsÉtÚxÉ',
  pt: 'lÚrÁ',
  ca: 'rÀ',
  sv: 'gÄnÄpÖrÄtÅ',
  nl: 'éÉ',
  hu: 'jÚlÁzÜ',
  cs: 'dÚkÚlÚpÚvÚ',
  pl: 'sÓ',
  ro: 'mÎnÎ',
  tr: 'aÇeÇiÇlÖnÖoÇsÜuÇçÜöÇüÇğÖıÇ',
};

/** The capital a word of `lang` starting with one of C3 80–9F most likely has before `next` (see CAPITAL_BEFORE_PAIRS). */
export function capitalBefore(lang: Language, next: string): string | undefined {
  const pairs = CAPITAL_BEFORE_PAIRS[lang] ?? '';
  for (let k = 0; k < pairs.length; k += 2) if (pairs[k] === next) return pairs[k + 1];
  return undefined;
}

/** A capital that is a word by itself: French `À` (à chaque), Italian `È` (è stato), Portuguese `É` (é um). */
export const LOST_LATIN1_WORDS: Readonly<Partial<Record<Language, string>>> = { fr: 'À', it: 'È', pt: 'É' };

/**
 * Letters of other two-byte scripts whose second UTF-8 byte (80–9F) a Latin-1 target turns into
 * `?` (`Ï?`, `×?`, `Ù?`), by lead byte, commonest first: Greek (CE capitals, CF π–ω), the Cyrillic
 * of Kazakh, Tatar, Chuvash (D2, D3), Armenian (D5, D6), Hebrew (D7 א–ן), Arabic (D9, DA, DB),
 * Thaana (DE). Counted in the corpus by scripts/corpus/lost-letter-order.js; regenerate, do not edit.
 */
export const LOST_LETTERS_BY_LEAD: Readonly<Record<number, string>> = {
  0xce: 'ΑΜΝΚΔΕΟΙΓΒΛΗΖΆΘΈΌΊΞΐΏΉΎ',
  0xcf: 'τρσπυςόχωύφώϊψϋ',
  0xd2: 'ҖқғҚҗ',
  0xd3: 'әӑӀӗӘ',
  0xd5: 'ՀՄՍՊՆՎՖՏՉՔՌՋՇՈՂՕՓ',
  0xd6: 'րւցքևֆօ',
  0xd7: 'יוהאלבמטדגןחזכםך',
  0xd9: 'لونيمىهكفقـ',
  0xda: 'چڈډژڊڕ',
  0xdb: 'یۇەېۋۆہےێۈ',
  0xde: 'ނއރސލމކބގޑތޖޓވޒޔޕދފހޝޗޅ',
};

/** The script of a lead byte in LOST_LETTERS_BY_LEAD, and the leads its letters share. */
export function lostLetterScript(lead: number): { name: string; first: number; last: number } {
  if (lead <= 0xcf) return { name: 'Greek', first: 0xce, last: 0xcf };
  if (lead <= 0xd4) return { name: 'Cyrillic', first: 0xd0, last: 0xd4 };
  if (lead <= 0xd6) return { name: 'Armenian', first: 0xd5, last: 0xd6 };
  if (lead === 0xd7) return { name: 'Hebrew', first: 0xd7, last: 0xd7 };
  if (lead <= 0xdb) return { name: 'Arabic', first: 0xd8, last: 0xdb };
  return { name: 'Thaana', first: 0xde, last: 0xde };
}

/**
 * Letters outside ASCII each language writes, commonest first: what a U+FFFD inside a word most
 * likely stood for (a Latin-1 or Latin-2 file read as UTF-8). English words borrow é first.
 */
export const ACCENTED_LETTERS: Readonly<Record<Language, string>> = {
  en: 'éáíóúñüöäèàç',
  nl: 'ëéïöèüá',
  it: 'àèéìòùí',
  es: 'óíáéñúü',
  pt: 'ãçáéóíõêâúôà',
  ca: 'àèéíòóúçïü',
  fr: 'éèàçêâôîûëïùü',
  de: 'üäößéÜÖÄ',
  cs: 'íéáěýčřžšůúóňťď',
  sk: 'áíéýčžšúóôäľňťďĺŕ',
  pl: 'ęąóśłżćńź',
  ro: 'ăîâșțşţ',
  hu: 'éáőöóíüúű',
  fi: 'äöåé',
  sv: 'äåöé',
  tr: 'ıüşçğöİâ',
  hr: 'čšžćđ',
  sl: 'čšžćđ',
  lv: 'āēīšūņķļģčž',
  lt: 'ėąįųūšžčę',
  unknown: 'éáíóúüöäñèàçã',
};

/** A language's name for a sentence ("in French text"), or '' when unknown. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English', nl: 'Dutch', it: 'Italian', es: 'Spanish', pt: 'Portuguese', ca: 'Catalan', fr: 'French', de: 'German',
  cs: 'Czech', sk: 'Slovak', pl: 'Polish', ro: 'Romanian', hu: 'Hungarian', fi: 'Finnish', sv: 'Swedish', tr: 'Turkish',
  hr: 'Croatian', sl: 'Slovene', lv: 'Latvian', lt: 'Lithuanian', unknown: '',
};
