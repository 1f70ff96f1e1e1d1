/**
 * What a local recalculation does beyond the statuses (domain.md §7): approved years archived beside the summary,
 * status changes announced to `MALKOLL_ALERT_WEBHOOK` when it is set (and printed either way).
 * @module
 */
import { ConfigError } from '../config-error.ts';
import { alertTarget } from '../adapters/alerts/index.ts';
import { createXlsxArchiveStore } from '../adapters/xlsx/index.ts';
import type { YearRoundConfig } from '../app/year-round.ts';
import { CliError } from './cli-error.ts';

export function localYearRound(abs: string, env: Record<string, string | undefined> = process.env): YearRoundConfig {
  try {
    return { archives: createXlsxArchiveStore(abs), alerts: { target: alertTarget(env) } };
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}
