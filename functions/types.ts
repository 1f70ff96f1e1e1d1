/**
 * What the functions need from the application layer. The integrator's shared/app/production.ts
 * provides the real implementation; the handlers take it injected, so tests pass a recording fake.
 * @module
 */

export interface RecalcReport {
  workbooks: { id: string; name: string; outcome: string; counts: Record<string, number> }[];
  summary: 'written' | 'unchanged' | 'skipped';
  errors: string[];
}

export type Severity = 'DEBUG' | 'INFO' | 'NOTICE' | 'WARNING' | 'ERROR';

/** One structured log line (Cloud Logging reads `severity` and `message`). Never holds secrets or bodies. */
export interface LogEntry {
  severity: Severity;
  message: string;
  [field: string]: unknown;
}

export type Logger = (entry: LogEntry) => void;

/** One JSON object per line on stdout: what Cloud Run's logging agent parses into structured entries. */
export const jsonLogger: Logger = (entry) => {
  process.stdout.write(JSON.stringify(entry) + '\n');
};
