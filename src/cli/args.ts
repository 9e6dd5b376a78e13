import { CODEC_NAMES } from '../core';
import { UsageError } from './errors';

export type Command = 'check' | 'fix' | 'outline';
export type CheckFormat = 'text' | 'json' | 'sarif';
export type OutlineFormat = 'json' | 'markdown';

export interface CliOptions {
  command: Command;
  /** Paths as given; `-` is stdin. */
  files: string[];
  /** Already validated for the command (check: text/json/sarif, outline: json/markdown). */
  format: CheckFormat | OutlineFormat;
  write: boolean;
  jsonl: boolean;
  minConfidence?: number;
  encodings?: string[];
}

export type ParsedArgs = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: CliOptions };

const COMMANDS: readonly Command[] = ['check', 'fix', 'outline'];
const VALUE_OPTIONS = ['--format', '--min-confidence', '--encodings'] as const;
const FLAG_OPTIONS = ['--write', '--jsonl'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];
type FlagOption = (typeof FLAG_OPTIONS)[number];

/** Which options each command accepts; anything else is a usage error rather than silently ignored. */
const ALLOWED: Record<Command, readonly string[]> = {
  check: ['--format', '--min-confidence', '--encodings', '--jsonl'],
  fix: ['--min-confidence', '--encodings', '--jsonl', '--write'],
  outline: ['--format'],
};

/**
 * Parses the command line by hand (no dependency): `--opt value` and `--opt=value`, `--` ends
 * options, a lone `-` is stdin. Throws `UsageError` with a one-line message.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let command: Command | undefined;
  const files: string[] = [];
  const values = new Map<ValueOption, string>();
  const flags = new Set<FlagOption>();
  let help = false;
  let version = false;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      if (command === undefined) {
        if (!(COMMANDS as readonly string[]).includes(arg)) {
          throw new UsageError(`unknown command '${arg}' (expected ${COMMANDS.join(', ')})`);
        }
        command = arg as Command;
      } else {
        files.push(arg);
      }
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--version' || arg === '-V') {
      version = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
      if (eq >= 0) throw new UsageError(`option ${name} takes no value`);
      flags.add(name as FlagOption);
      continue;
    }
    if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      let value: string | undefined;
      if (eq >= 0) {
        value = arg.slice(eq + 1);
      } else {
        value = argv[i + 1];
        i++;
      }
      if (value === undefined) throw new UsageError(`option ${name} needs a value`);
      values.set(name as ValueOption, value);
      continue;
    }
    throw new UsageError(`unknown option '${name}'`);
  }

  // --help and --version win over everything else, so `clean-copy fix --help` shows help.
  if (help) return { kind: 'help' };
  if (version) return { kind: 'version' };
  if (command === undefined) throw new UsageError('missing command (check, fix or outline)');

  for (const name of [...values.keys(), ...flags]) {
    if (!ALLOWED[command].includes(name)) throw new UsageError(`option ${name} does not apply to '${command}'`);
  }
  const options: CliOptions = {
    command,
    files,
    format: parseFormat(command, values.get('--format')),
    write: flags.has('--write'),
    jsonl: flags.has('--jsonl'),
  };
  const min = values.get('--min-confidence');
  if (min !== undefined) options.minConfidence = parseConfidence(min);
  const encodings = values.get('--encodings');
  if (encodings !== undefined) options.encodings = parseEncodingList(encodings);
  checkCombinations(options, values.has('--format'));
  return { kind: 'run', options };
}

function parseFormat(command: Command, value: string | undefined): CliOptions['format'] {
  const allowed: readonly string[] = command === 'outline' ? ['json', 'markdown'] : ['text', 'json', 'sarif'];
  if (value === undefined) return allowed[0] as CliOptions['format'];
  if (!allowed.includes(value)) {
    throw new UsageError(`--format for '${command}' must be one of ${allowed.join(', ')} (got '${value}')`);
  }
  return value as CliOptions['format'];
}

/** A number from 0 to 1; `Number('')` is 0, so blanks are rejected explicitly. */
export function parseConfidence(value: string): number {
  const n = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new UsageError(`--min-confidence must be a number from 0 to 1 (got '${value}')`);
  }
  return n;
}

function parseEncodingList(value: string): string[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UsageError('--encodings needs at least one codec name');
  // Checked here so a typo is a usage error (exit 2, once) rather than a failure on every file.
  const unknown = names.filter((n) => !CODEC_NAMES.includes(n.toLowerCase()));
  if (unknown.length > 0) {
    throw new UsageError(`unknown encoding '${unknown[0]}' for --encodings (known: ${CODEC_NAMES.join(', ')})`);
  }
  return names.map((n) => n.toLowerCase());
}

function checkCombinations(o: CliOptions, formatGiven: boolean): void {
  const stdinCount = o.files.filter((f) => f === '-').length;
  if (stdinCount > 1) throw new UsageError("stdin ('-') can be given only once");
  if (o.jsonl) {
    if (o.files.length > 0) throw new UsageError('--jsonl reads stdin; do not give files');
    if (o.write) throw new UsageError('--jsonl and --write cannot be combined');
    if (formatGiven) throw new UsageError('--jsonl has its own output format; drop --format');
  }
  if (o.write && (o.files.length === 0 || stdinCount > 0)) {
    throw new UsageError('--write needs file paths (it cannot write back to stdin)');
  }
  if (o.command === 'outline' && o.files.length !== 1) {
    throw new UsageError("'outline' takes exactly one FILE (or '-')");
  }
}
