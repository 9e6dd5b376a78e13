/** Exit codes: 0 clean, 1 findings, 2 usage or I/O error. Multiple files report the worst. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** Bad command line: the message is shown with a pointer to `--help`, exit 2. */
export class UsageError extends Error {}

/** A file (or stdin) that cannot be read, decoded or written; reported per file, exit 2. */
export class InputError extends Error {}

/** Turns Node's errno codes into short messages people understand. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a file path (a parent is not a directory)';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
