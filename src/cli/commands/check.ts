import { version } from '../../../package.json';
import { detect } from '../../core';
import type { CheckFormat, CliOptions } from '../args';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../errors';
import { formatJson } from '../format-json';
import { formatSarif } from '../format-sarif';
import { formatText } from '../format-text';
import { displayName, readInput, type CliIo } from '../io';
import { locateFindings, type FileReport } from '../located';
import { aboveThreshold, detectOptions, inputsOf, reportFileError } from '../shared';

/** `check`: report findings per input. Exit 0 clean, 1 findings, 2 when any input failed. */
export async function runCheck(options: CliOptions, io: CliIo): Promise<number> {
  const format = options.format as CheckFormat;
  const reports: FileReport[] = [];
  let exit = EXIT_OK;
  for (const file of inputsOf(options)) {
    const name = displayName(file);
    let report: FileReport;
    try {
      const { text, encoding } = await readInput(file, io);
      const findings = aboveThreshold(detect(text, detectOptions(options)), options.minConfidence);
      report = { file: name, encoding, findings: locateFindings(text, findings) };
      if (findings.length > 0) exit = Math.max(exit, EXIT_FINDINGS);
    } catch (err) {
      report = { file: name, findings: [], error: await reportFileError(io, name, err) };
      exit = EXIT_ERROR;
    }
    // Text streams per file so long runs show progress; JSON and SARIF are one document.
    if (format === 'text') await io.stdout.write(formatText([report]));
    else reports.push(report);
  }
  if (format === 'json') await io.stdout.write(formatJson(reports));
  if (format === 'sarif') await io.stdout.write(formatSarif(reports, version, io.cwd));
  return exit;
}
