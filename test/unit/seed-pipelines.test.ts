import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import * as path from 'path';
import { repair } from '../../src/core';
import { repoRoot } from './helpers/paths';

/**
 * The user's release, restored, through every pipeline Clean Copy knows: it must come back
 * exactly, or (where bytes are gone for good) no worse than measured.
 */
const truth = readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'seed.repaired.txt'), 'utf8');
const misread = (text: string, codec: string) => iconv.decode(Buffer.from(text, 'utf8'), codec);

const EXACT: Record<string, () => string> = {
  'Windows-1252': () => misread(truth, 'windows-1252'),
  'Latin-1': () => misread(truth, 'latin1'),
  'Windows-1250': () => misread(truth, 'windows-1250'),
  'Windows-1251': () => misread(truth, 'windows-1251'),
  'Windows-1253 (“ ” lost: 9C and 9D are undefined there)': () => misread(truth, 'windows-1253'),
  'Windows-1254': () => misread(truth, 'windows-1254'),
  MacRoman: () => misread(truth, 'macintosh'),
  CP437: () => misread(truth, 'cp437'),
  'GBK (a third byte unpaired before a space)': () => misread(truth, 'gbk'),
  'EUC-KR (E2 80 unreadable: ’s became ��셲)': () => misread(truth, 'euc-kr'),
  'Windows-1252 twice (” lost its 9D on the first pass, — on the second)': () => misread(misread(truth, 'windows-1252'), 'windows-1252'),
  'Windows-1252, no-break spaces made plain': () => misread(truth, 'windows-1252').replace(/\u00a0/g, ' '),
  'Windows-1252, undefined bytes dropped': () => misread(truth, 'windows-1252').replace(/[\u0080-\u009f\ufffd]/g, ''),
  'every mark replaced by U+FFFD': () => truth.replace(/[‘’“”–—]/g, '\ufffd'),
  'Windows-1252 forced into ASCII (every mark replaced by ?)': () => truth.replace(/[‘’“”–—]/g, '?'),
};

/** Lines that differ where the bytes are gone for good: measured 2026-11-26, not to grow. */
const AT_MOST: Record<string, [string, number]> = {
  'Windows-1257 (á lost: A1 is undefined there; á or å?)': ['windows-1257', 1],
  'Shift_JIS (à lost: A0 is undefined there)': ['shift_jis', 1],
  'Big5 (à lost: its A0 unreadable there)': ['big5', 1],
};

function differingLines(got: string): number {
  const want = truth.split('\n');
  const have = got.split('\n');
  return want.filter((line, k) => have[k] !== line).length + Math.abs(want.length - have.length);
}

describe('the seed through every pipeline', () => {
  for (const [name, garble] of Object.entries(EXACT)) {
    it(`comes back exactly from ${name}`, () => {
      const garbled = garble();
      assert.notStrictEqual(garbled, truth);
      assert.strictEqual(differingLines(repair(garbled).text), 0);
    });
  }
  for (const [name, [codec, most]] of Object.entries(AT_MOST)) {
    it(`loses at most ${most} lines to ${name}`, () => {
      const lines = differingLines(repair(misread(truth, codec)).text);
      assert.ok(lines <= most, `${lines} lines differ`);
    });
  }
});
