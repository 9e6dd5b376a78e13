import * as path from 'path';
import { pathToFileURL } from 'url';
import type { FindingKind } from '../core';
import type { FileReport, LocatedFinding } from './located';
import { STDIN_NAME } from './io';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** One rule per finding kind; ids equal `Finding.kind` (also the VS Code diagnostic code). */
const RULES: Record<FindingKind, { name: string; description: string }> = {
  reversible: {
    name: 'ReversibleMojibake',
    description: 'UTF-8 bytes decoded with a wrong codec, every byte still there: the repair is exact.',
  },
  lossy: {
    name: 'LossyMojibake',
    description: 'Garbled text where some bytes were replaced or altered: the repair is a ranked guess.',
  },
  'replacement-char': {
    name: 'ReplacementCharacter',
    description: 'A U+FFFD replacement character: the original bytes are gone, often because the file was read with the wrong encoding.',
  },
  'c1-control': {
    name: 'C1ControlCharacter',
    description: 'A C1 control character (U+0080–U+009F) left by reading Windows-1252 text as Latin-1.',
  },
  'stray-marker': {
    name: 'StrayMarker',
    description: 'A stray Â left over from a UTF-8 no-break space or symbol.',
  },
};

/** SARIF 2.1.0: one run, a rule per kind seen, results with regions and a fix each, read errors as notifications. */
export function formatSarif(reports: readonly FileReport[], version: string, cwd: string): string {
  const kinds = [...new Set(reports.flatMap((r) => r.findings.map((f) => f.kind)))].sort();
  const rules = kinds.map((kind) => ({
    id: kind,
    name: RULES[kind]?.name ?? kind,
    shortDescription: { text: RULES[kind]?.description ?? kind },
    defaultConfiguration: { level: 'warning' },
  }));
  const results = reports.flatMap((r) => r.findings.map((f) => sarifResult(f, artifactUri(r.file, cwd), kinds.indexOf(f.kind))));
  const failures = reports.filter((r) => r.error !== undefined);
  const log = {
    version: '2.1.0',
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: { driver: { name: 'Clean Copy', version, semanticVersion: version, rules } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((r) => ({
              level: 'error',
              message: { text: `${r.file}: ${r.error}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(r.file, cwd) } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifResult(f: LocatedFinding, uri: string, ruleIndex: number) {
  const region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
  const artifactLocation = { uri };
  return {
    ruleId: f.kind,
    ruleIndex,
    level: 'warning',
    message: { text: `'${f.original}' should read '${f.replacement}': ${f.explanation}` },
    locations: [{ physicalLocation: { artifactLocation, region } }],
    fixes: [
      {
        description: { text: `Replace with ${f.replacement}` },
        artifactChanges: [
          { artifactLocation, replacements: [{ deletedRegion: region, insertedContent: { text: f.replacement } }] },
        ],
      },
    ],
    properties: { confidence: f.confidence, alternatives: f.alternatives },
  };
}

/** Relative paths stay relative (portable reports); absolute ones become file: URLs. */
export function artifactUri(file: string, cwd: string): string {
  if (file === STDIN_NAME || file === '-') return 'stdin';
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (relative.startsWith('..')) return pathToFileURL(path.resolve(cwd, file)).href;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}
