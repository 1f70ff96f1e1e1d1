/**
 * Alerts adapter: announces status changes to `MALKOLL_ALERT_WEBHOOK` (Google Chat, a Teams workflow, or
 * generic JSON), one message per run, with a bounded backlog for failed deliveries (domain.md §7). The
 * message content is pure (engine/summary/status-alert.ts); this folder lays it out and posts it.
 * @module
 */
export { alertTarget, alertFormatOf, ALERT_WEBHOOK_VARIABLE, type AlertFormat, type AlertTarget } from './target.ts';
export { alertBody, composeAlert, BODY_LIMITS, type ComposedAlert } from './payload.ts';
export { googleRowLink } from './links.ts';
export { sendAlert, DEFAULT_ALERT_TIMEOUT_MS, type DeliveryResult } from './send.ts';
export { queueChanges, emptyBacklog, DEFAULT_BACKLOG_CAP, type AlertBacklog } from './backlog.ts';
export { announceChanges, type AlertRun, type AlertRunOptions } from './deliver.ts';
