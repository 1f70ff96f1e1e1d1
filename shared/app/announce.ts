/**
 * People hear when a colour changes (domain.md §7): one message per run to `MALKOLL_ALERT_WEBHOOK`, listing the
 * status changes the run appends to Ändringslogg — so each change is announced exactly when it reaches
 * Ändringslogg, and Ändringslogg gets each exactly once (change-log.ts). A row's first status (no earlier one,
 * e.g. a workbook's first recalculation) is not announced.
 *
 * Order: the changes go into the summary's state (`alerts`, the outbox) in the same write that appends them to
 * Ändringslogg; the message is sent after that write; a delivery that succeeds empties the outbox with one
 * small state write. So a summary write that fails announces nothing (the changes are still pending and come
 * again), a retry or re-run finds them logged and announces nothing, and a failed delivery stays in the outbox
 * and goes with the next run that has changes (bounded, oldest first: adapters/alerts/backlog.ts). Only a
 * crash between a delivery and that state write can announce a change twice.
 * @module
 */
import { alertMessage, type AlertChange, type AlertMessage, type ChangeLogRow, type StatusChange } from '../engine/index.ts';
import { announceChanges, queueChanges, type AlertTarget, type DeliveryResult } from '../adapters/alerts/index.ts';
import type { SummaryState } from '../ports.ts';

export interface AlertsConfig {
  /** null: no webhook; the message is still made for the CLI to print */
  target: AlertTarget | null;
  /** a link to a changed row (Google), when the adapter can make one */
  linkOf?: (change: StatusChange) => string | null;
  timeoutMs?: number;
}

export interface AnnouncePlan {
  /** the outbox to store with this run's summary write; undefined: leave the state's as it is */
  outbox: SummaryState['alerts'] | undefined;
  /** deliver (or, without a webhook, only compose) after the write */
  send(): Promise<AnnounceResult | null>;
}

export interface AnnounceResult {
  message: AlertMessage | null;
  /** null: nothing was sent (no webhook) */
  delivery: DeliveryResult | null;
  /** the outbox now empty: the state should say so */
  delivered: boolean;
}

export function toAlertChange(change: StatusChange, linkOf?: (change: StatusChange) => string | null): AlertChange {
  const link = linkOf?.(change) ?? null;
  return {
    workbook: change.workbookName,
    sheet: change.sheet,
    row: change.rowNumber,
    name: change.subject,
    from: change.from,
    to: change.to,
    förklaring: change.explanation ?? '',
    ...(link ? { link } : {}),
  };
}

/** What this run announces: the rows it appends to Ändringslogg that had an earlier status. */
export function planAnnouncement(config: AlertsConfig, previous: SummaryState | null, rows: readonly ChangeLogRow[]): AnnouncePlan {
  const changes = rows.filter((r) => r.change.from !== null).map((r) => toAlertChange(r.change, config.linkOf));
  if (changes.length === 0) return { outbox: undefined, send: async () => null };
  const target = config.target;
  const backlog = previous?.alerts ?? null;
  return {
    outbox: target ? queueChanges(backlog, changes) : undefined,
    async send() {
      if (!target) return { message: alertMessage(changes), delivery: null, delivered: false };
      const run = await announceChanges(target, backlog, changes, config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs });
      return { message: run.message, delivery: run.delivery, delivered: run.delivery?.ok === true };
    },
  };
}
