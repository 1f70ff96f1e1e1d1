/**
 * `MALKOLL_ALERT_WEBHOOK` (domain.md §6, §7): where status changes are announced, and in which format, chosen
 * by the address: a Google Chat incoming webhook (`chat.googleapis.com`), a Microsoft Teams workflow webhook
 * (`*.logic.azure.com`, `*.powerautomate.com`, and `*.powerplatform.com`, where Teams creates new workflow
 * webhooks), or any other https address (generic JSON). Plain http only to a loopback address. Optional:
 * unset means no alerts.
 * @module
 */
import { serviceUrl } from '../http/endpoint.ts';

export const ALERT_WEBHOOK_VARIABLE = 'MALKOLL_ALERT_WEBHOOK';

export type AlertFormat = 'google-chat' | 'teams' | 'json';

export interface AlertTarget {
  format: AlertFormat;
  url: string;
}

const TEAMS_DOMAINS = ['logic.azure.com', 'powerautomate.com', 'powerplatform.com'];

const under = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

export function alertFormatOf(url: URL): AlertFormat {
  const host = url.hostname.toLowerCase();
  if (host === 'chat.googleapis.com') return 'google-chat';
  if (TEAMS_DOMAINS.some((d) => under(host, d))) return 'teams';
  return 'json';
}

/** The target, null when the variable is unset or blank; a ConfigError naming the variable when it is bad. */
export function alertTarget(env: Record<string, string | undefined>): AlertTarget | null {
  const raw = env[ALERT_WEBHOOK_VARIABLE]?.trim();
  if (!raw) return null;
  const url = serviceUrl(raw, ALERT_WEBHOOK_VARIABLE, 'webhookadressen till Google Chat, en Teams-arbetsflödes-webhook eller en egen https-tjänst', 'https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=…');
  return { format: alertFormatOf(url), url: url.href };
}
