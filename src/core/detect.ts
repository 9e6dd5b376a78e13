import type { DetectOptions, Finding } from './types';

// Placeholder while the detector is written in this session; replaced by the real scanner.
export function detect(_text: string, _options: DetectOptions = {}): Finding[] {
  return [];
}
