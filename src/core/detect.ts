/**
 * The scanner: one pass over the text collects candidate runs and lossy sites, then each is judged
 * in its context. Clean ASCII costs one comparison per character.
 */
import { windows1252ForC1, resolveCodecs } from './codecs';
import { Cls, charClass, isLetter, weirdness } from './chars';
import { explainC1, explainLossy, explainReversible, explainStray } from './explain';
import { type LossySite, middleLostCandidates, siteAtQuestionMark, siteAtSpecial } from './lossy';
import { doubleQuoteOpen, positionOf, rankPunctuation } from './rank';
import { type Run, classicPairPenalty, peelLayers, runAt, scanTables } from './reversible';
import type { DetectOptions, Finding } from './types';

const QMARK = 0x3f;
/** How far around an edited window the scan reaches for context (quote pairing, evidence). */
const CONTEXT = 4000;

export function detect(text: string, options: DetectOptions = {}): Finding[] {
  const tables = scanTables(resolveCodecs(options.encodings));
  const [from, to] = scanWindow(text, options.range);
  const runs: Run[] = [];
  const sites: LossySite[] = [];
  const singles: number[] = []; // C1 controls and Â, judged after runs are known

  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === QMARK) {
        const site = siteAtQuestionMark(text, i);
        if (site && site.start >= from) {
          sites.push(site);
          i = Math.max(i, site.end - 1);
        }
      }
      continue;
    }
    const run = runAt(text, i, to, tables);
    if (run) {
      runs.push(peelLayers(run, tables));
      i = run.end - 1;
      continue;
    }
    const site = siteAtSpecial(text, i);
    if (site) {
      sites.push(site);
      i = site.end - 1;
    } else if ((c >= 0x80 && c <= 0x9f) || c === 0xc2) {
      singles.push(i);
    }
  }

  const findings: Finding[] = [];
  const taken: [number, number][] = [];
  for (const f of judgeRuns(text, runs)) {
    findings.push(f);
    taken.push([f.start, f.end]);
  }
  const isTaken = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  findings.push(...judgeSites(text, sites.filter((s) => !isTaken(s.start, s.end)), from, to));
  for (const i of singles) {
    if (isTaken(i, i + 1)) continue;
    const f = judgeSingle(text, i);
    if (f) findings.push(f);
  }
  return findings.filter((f) => f.start >= from && f.end <= to).sort((a, b) => a.start - b.start);
}

/** The part of the text to scan: the whole text, or the range widened to whole lines. */
function scanWindow(text: string, range: DetectOptions['range']): [number, number] {
  if (!range) return [0, text.length];
  const start = Math.max(0, Math.min(range.start, text.length));
  const end = Math.max(start, Math.min(range.end, text.length));
  const from = text.lastIndexOf('\n', start - 1) + 1;
  let to = text.indexOf('\n', end);
  to = to < 0 ? text.length : to;
  return [from, to];
}

/** Bounds of the "word" around a run: neighbouring non-space characters belong to its context. */
function tokenBounds(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && s > start - 64 && charClass(text.charCodeAt(s - 1)) !== Cls.Space) s--;
  let e = end;
  while (e < text.length && e < end + 64 && charClass(text.charCodeAt(e)) !== Cls.Space) e++;
  return [s, e];
}

/**
 * Accepts the runs that read better decoded. Runs inside one word are judged together, since
 * `ÄŒeÅ¡tina` is only convincing as a whole.
 */
function judgeRuns(text: string, runs: Run[]): Finding[] {
  const out: Finding[] = [];
  let k = 0;
  while (k < runs.length) {
    // Group runs whose words touch.
    const [ts, firstEnd] = tokenBounds(text, runs[k].start, runs[k].end);
    let te = firstEnd;
    const group = [runs[k]];
    while (k + group.length < runs.length && runs[k + group.length].start <= te) {
      const r = runs[k + group.length];
      group.push(r);
      te = Math.max(te, tokenBounds(text, r.start, r.end)[1]);
    }
    k += group.length;
    const ctxStart = Math.max(0, ts - 1);
    const ctxEnd = Math.min(text.length, te + 1);
    const before = text.slice(ctxStart, ctxEnd);
    let after = '';
    let cursor = ctxStart;
    let penalty = 0;
    let saved = 0;
    let longSeqs = 0;
    for (const r of group) {
      after += text.slice(cursor, r.start) + r.decoded;
      cursor = r.end;
      penalty += classicPairPenalty(text, r);
      saved += r.end - r.start - r.decoded.length;
      longSeqs += r.seqs.filter((s) => s.bytes.length >= 3).length;
    }
    after += text.slice(cursor, ctxEnd);
    const score = 2 * (weirdness(before) + penalty - weirdness(after)) + saved + longSeqs;
    if (score < 3) continue;
    const lone = group.length === 1 && group[0].seqs.length === 1 && group[0].seqs[0].bytes.length === 2 ? group[0] : null;
    if (lone && !lone.codec.name.startsWith('windows-') && lone.codec.name !== 'latin1' && !letterBeside(text, lone)) continue;
    let confidence = Math.min(0.99, 0.45 + 0.06 * score);
    // One short pair next to correctly decoded punctuation (`Bremer/Mccoy – DrÃ¥ber`): the line was
    // not garbled as a whole, so be cautious: report it, but leave it out of automatic repair.
    if (lone && innocentPunctuationNear(text, lone, runs)) confidence = Math.min(confidence, 0.45);
    for (const r of group) out.push(runFinding(text, r, confidence));
  }
  return out;
}

/** MacRoman and CP437 pairs (`¬´`, `∆°`) are believable only glued to a word. */
function letterBeside(text: string, r: Run): boolean {
  const isL = (i: number) => i >= 0 && i < text.length && isLetter(charClass(text.charCodeAt(i)));
  return isL(r.start - 1) || isL(r.end);
}

/** Windows-1252 punctuation that decoded fine, standing on the same line outside every run. */
const CP1252_PUNCT = /[–—‘’“”…•€™]/g;
function innocentPunctuationNear(text: string, r: Run, runs: readonly Run[]): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', r.start) + 1, r.start - 200);
  let lineEnd = text.indexOf('\n', r.end);
  lineEnd = Math.min(lineEnd < 0 ? text.length : lineEnd, r.end + 200);
  CP1252_PUNCT.lastIndex = lineStart;
  for (let m = CP1252_PUNCT.exec(text); m && m.index < lineEnd; m = CP1252_PUNCT.exec(text)) {
    const at = m.index;
    if (!runs.some((x) => at >= x.start && at < x.end)) return true;
  }
  return false;
}

function runFinding(text: string, r: Run, confidence: number): Finding {
  const lost = r.seqs.some((s) => s.lost);
  // A decoded byte-order mark in running text is noise: drop it.
  const replacement = r.decoded.replace(/\ufeff/g, '');
  const bytes = r.seqs.filter((s) => !s.lost).map((s) => s.bytes);
  return {
    start: r.start,
    end: r.end,
    original: text.slice(r.start, r.end),
    replacement,
    alternatives: [],
    confidence: lost ? Math.min(confidence, 0.7) : confidence,
    kind: lost ? 'lossy' : 'reversible',
    explanation: explainReversible(bytes, replacement, [r.codec, ...r.layers], lost),
    bytes: bytes.flat(),
    wrongCodecs: [r.codec, ...r.layers].map((c) => c.name),
  };
}

/** Confidence for sites that need the document's other sites to vouch for them. */
const UNSUPPORTED = 0.3;

function judgeSites(text: string, sites: LossySite[], from: number, to: number): Finding[] {
  if (sites.length === 0) return [];
  const evidence = sites.some((s) => s.strong) || hasLossyEvidenceNear(text, from, to);
  const openedAt = new Set<number>();
  const out: Finding[] = [];
  for (const site of sites.sort((a, b) => a.start - b.start)) {
    const original = text.slice(site.start, site.end);
    if (site.form === 'middle-lost') {
      const [best, ...alternatives] = middleLostCandidates(text, site);
      out.push(lossyFinding(site, original, best, alternatives, 0.85, explainLossy(site, best, positionOf(text, site.start, site.end))));
      continue;
    }
    if (site.form === 'question-apostrophe') {
      out.push(lossyFinding(site, original, '’', ["'"], evidence ? 0.8 : 0.6, explainLossy(site, '’', 'inside-word')));
      continue;
    }
    const quoteOpen = doubleQuoteOpen(text, site.start, openedAt);
    if (site.form === 'bullet-tail') {
      out.push(lossyFinding(site, original, '”', ['“'], 0.95, explainLossy(site, '”', 'closing')));
      continue;
    }
    const ranked = rankPunctuation(text, site.start, site.end, quoteOpen, site.form === 'third-lost');
    if (site.form === 'replacement') {
      // A lone U+FFFD can stand for any character; only propose a mark where the context is clear.
      const clear =
        (ranked.position === 'inside-word' && /^(?:s|t|m|d|ll|re|ve)(?![\p{L}\p{N}])/u.test(text.slice(site.end, site.end + 3))) ||
        ranked.position === 'opening' ||
        ranked.position === 'dash' ||
        (ranked.position === 'closing' && /[.,!?;:]/.test(text[site.start - 1] ?? ''));
      if (!clear) continue;
      out.push({ ...lossyFinding(site, original, ranked.best, ranked.alternatives, Math.min(0.7, ranked.certainty), explainLossy(site, ranked.best, ranked.position)), kind: 'replacement-char' });
      if (ranked.best === '“') openedAt.add(site.start);
      continue;
    }
    let confidence = ranked.certainty;
    if (!site.strong) confidence = evidence ? Math.min(confidence, 0.75) : UNSUPPORTED;
    if (confidence <= UNSUPPORTED && !evidence) continue; // not worth a squiggle on its own
    if (ranked.best === '“') openedAt.add(site.start);
    out.push(lossyFinding(site, original, ranked.best, ranked.alternatives, confidence, explainLossy(site, ranked.best, ranked.position)));
  }
  return out;
}

function hasLossyEvidenceNear(text: string, from: number, to: number): boolean {
  const window = text.slice(Math.max(0, from - CONTEXT), Math.min(text.length, to + CONTEXT));
  return /â\?[?•]|â€|[a-z]a\?\?[a-z]/.test(window);
}

function lossyFinding(site: LossySite, original: string, best: string, alternatives: string[], confidence: number, explanation: string): Finding {
  return {
    start: site.start,
    end: site.end,
    original,
    replacement: best,
    alternatives: alternatives.filter((a) => a !== best),
    confidence,
    kind: 'lossy',
    explanation,
    wrongCodecs: site.form === 'question-apostrophe' ? ['latin1'] : ['windows-1252', 'latin1'],
  };
}

/** A C1 control or a stray `Â` that no run explained. */
function judgeSingle(text: string, i: number): Finding | null {
  const code = text.charCodeAt(i);
  const ch = text[i];
  if (code >= 0x80 && code <= 0x9f) {
    const replacement = windows1252ForC1(code);
    if (!replacement) return null; // undefined in Windows-1252 too: nothing better to offer
    return { start: i, end: i + 1, original: ch, replacement, alternatives: [], confidence: 0.8, kind: 'c1-control', explanation: explainC1(ch, replacement), bytes: [code], wrongCodecs: ['latin1'] };
  }
  // Â before a plain space, not part of a capitalised word (Portuguese/French capitals are real).
  if (code === 0xc2 && text.charCodeAt(i + 1) === 0x20) {
    const prev = i > 0 ? charClass(text.charCodeAt(i - 1)) : Cls.Space;
    if (prev === Cls.LatinUpper || prev === Cls.OtherUpper || prev === Cls.Space) return null;
    return { start: i, end: i + 1, original: ch, replacement: '', alternatives: ['\u00a0'], confidence: 0.7, kind: 'stray-marker', explanation: explainStray(), bytes: [0xc2, 0xa0], wrongCodecs: ['windows-1252'] };
  }
  return null;
}
