/**
 * The error for a missing or invalid environment variable, on its own so that the local CLI, which reads only
 * the optional service addresses, does not load the functions' schema library with shared/config.ts.
 * @module
 */

/** Thrown for a missing or invalid variable; `variables` lists every one at fault. */
export class ConfigError extends Error {
  readonly variables: string[];
  readonly problems: { variable: string; message: string }[];
  constructor(problems: { variable: string; message: string }[]) {
    super(
      `Ogiltig konfiguration (miljövariabler):\n` +
        problems.map((p) => `- ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
    this.variables = [...new Set(problems.map((p) => p.variable))];
    this.problems = problems;
  }
}
