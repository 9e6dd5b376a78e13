/**
 * Shared vocabulary of the engine. Offsets are UTF-16 code-unit offsets into the text as given,
 * the same unit as JavaScript strings and VS Code's `document.offsetAt`.
 */

/** How the garbling happened; also the diagnostic code and the README anchor that explains it. */
export type FindingKind =
  /** UTF-8 bytes decoded with a wrong codec, every byte still there: exact repair. */
  | 'reversible'
  /** Some bytes were replaced (`?`, U+FFFD) or altered (`â` folded to `a`): the repair is a ranked guess. */
  | 'lossy'
  /** U+FFFD on its own: the bytes are gone; often the *file* was read with the wrong encoding. */
  | 'replacement-char'
  /** A C1 control character (U+0080–U+009F) left by a Latin-1 decoding of Windows-1252 text. */
  | 'c1-control'
  /** A stray `Â` left from a UTF-8 no-break space or symbol (`Â£5`, `Â ` before a word). */
  | 'stray-marker';

export interface Finding {
  start: number;
  end: number;
  /** The garbled text, `text.slice(start, end)`. */
  original: string;
  /** The best repair. */
  replacement: string;
  /** Other plausible repairs, best first (never includes `replacement`). */
  alternatives: string[];
  /** 0–1: how sure the engine is that `replacement` is what was meant. */
  confidence: number;
  kind: FindingKind;
  /** One sentence for people: which bytes, which wrong decoding, what it was. */
  explanation: string;
  /** The UTF-8 bytes that were misread (lost bytes are omitted). */
  bytes?: number[];
  /** The codec(s) the bytes were wrongly decoded with, outermost last (e.g. ["windows-1252"]). */
  wrongCodecs?: string[];
}

export interface DetectOptions {
  /**
   * Wrong codecs to consider, by engine name (see `codecs.ts`). Default: all.
   */
  encodings?: readonly string[];
  /**
   * Only report findings in this window of the text (expanded to whole lines); the lines around
   * it, up to 4,000 characters either way, are read as context, so a line re-scanned alone gets
   * what a scan of the whole text gives there. Default: the whole text.
   */
  range?: { start: number; end: number };
}

export interface RepairOptions extends DetectOptions {
  /** Apply findings with at least this confidence. Default `DEFAULT_MIN_CONFIDENCE`. */
  minConfidence?: number;
}

export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** The result of applying findings: the new text and a way back to offsets in the old one. */
export interface AppliedRepair {
  text: string;
  applied: Finding[];
  /** Maps an offset in `text` to the offset in the original text (start of the replaced span). */
  toOriginal(offset: number): number;
}
