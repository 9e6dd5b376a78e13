/** The engine's public surface: everything outside `src/core` imports from here. */
import { applyFindings } from './apply';
import { detect } from './detect';
import { DEFAULT_MIN_CONFIDENCE, type AppliedRepair, type Finding, type RepairOptions } from './types';

export * from './types';
export { applyFindings } from './apply';
export { detect } from './detect';
export { CODEC_NAMES } from './codecs';

/**
 * Repairs every finding at or above `minConfidence`. Text outside findings is never touched, and
 * repairing the result again changes nothing more.
 */
export function repair(text: string, options: RepairOptions = {}): AppliedRepair {
  const min = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const found = detect(text, options);
  // Usually every finding qualifies: no second list then (there can be hundreds of thousands).
  const sure = (f: Finding) => f.confidence >= min;
  return applyFindings(text, found.every(sure) ? found : found.filter(sure));
}
