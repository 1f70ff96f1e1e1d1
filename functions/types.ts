/**
 * What the functions need from the application layer. The integrator's shared/app/production.ts
 * provides the real implementation; the handlers take it injected, so tests pass a recording fake.
 * @module
 */

/** The part of shared/app/report.ts's RecalcReport the functions rely on (a structural subset). */
export interface RecalcReport {
  workbooks: { id: string; name: string; outcome: string; counts: Record<string, number> }[];
  /** `failed` only locally: the Google summary store's failures are thrown (and retried) */
  summary: 'written' | 'unchanged' | 'skipped' | 'failed';
  /** data-quality lines; kind 'error' marks rows that could not be assessed */
  issues: { kind: string; text: string }[];
  /** what the run announced and archived (domain.md §7), when it did */
  yearRound?: {
    alert: { message: { items: unknown[] } | null; delivery: { ok: true } | { ok: false; reason: string } | null } | null;
    archived: { year: number }[];
    notes: string[];
  };
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
