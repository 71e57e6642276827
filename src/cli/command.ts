// The shape every CLI command shares, so `main.ts` can list, dispatch and
// print help uniformly. Commands write results to stdout and errors to stderr.
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CliCommand {
  /** Words that select the command, e.g. ["user", "add"]. */
  path: string[];
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run: (args: string[], io: CliIo) => Promise<number>;
}

/** Thrown for a user mistake on the command line: printed without a stack. */
export class CliError extends Error {}
