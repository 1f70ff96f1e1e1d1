/**
 * One run's announcement: the backlog and this run's changes in one message, sent once; what to keep for
 * the next run follows from the result. A run without changes and without a backlog sends nothing.
 * @module
 */
import { alertMessage, type AlertChange, type AlertMessage } from '../../engine/index.ts';
import { emptyBacklog, queueChanges, type AlertBacklog } from './backlog.ts';
import { composeAlert } from './payload.ts';
import { sendAlert, type DeliveryResult } from './send.ts';
import type { AlertTarget } from './target.ts';

export interface AlertRun {
  /** null when there was nothing to announce */
  message: AlertMessage | null;
  /** null when nothing was sent (nothing to say, or no webhook configured) */
  delivery: DeliveryResult | null;
  /** what to store for the next run: empty after a delivery, everything still pending otherwise */
  backlog: AlertBacklog;
}

export interface AlertRunOptions {
  cap?: number;
  timeoutMs?: number;
  maxListed?: number;
}

/**
 * With no target the message is still built (the CLI prints it) and nothing is kept: there is nowhere to
 * deliver it later either.
 */
export async function announceChanges(
  target: AlertTarget | null,
  backlog: AlertBacklog | null,
  changes: AlertChange[],
  options: AlertRunOptions = {},
): Promise<AlertRun> {
  const queued = queueChanges(target ? backlog : null, changes, options.cap);
  const listing = { dropped: queued.dropped, ...(options.maxListed === undefined ? {} : { maxListed: options.maxListed }) };
  if (!target) return { message: alertMessage(queued.changes, listing), delivery: null, backlog: emptyBacklog() };
  const composed = composeAlert(target.format, queued.changes, listing);
  if (!composed) return { message: null, delivery: null, backlog: emptyBacklog() };
  const delivery = await sendAlert(target, composed.body, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  return { message: composed.message, delivery, backlog: delivery.ok ? emptyBacklog() : queued };
}
