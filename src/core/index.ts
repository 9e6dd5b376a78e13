/** The engine's public surface: everything outside `src/core` imports from here. */
import { applyFindings } from './apply';
import { detect } from './detect';
import { DEFAULT_MIN_CONFIDENCE, type AppliedRepair, type RepairOptions } from './types';

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
  const findings = detect(text, options).filter((f) => f.confidence >= min);
  return applyFindings(text, findings);
}
