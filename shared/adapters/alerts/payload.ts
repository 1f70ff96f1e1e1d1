/**
 * The body each kind of webhook expects, from one AlertMessage (engine/summary/status-alert.ts):
 *
 * - Google Chat incoming webhook: `{"text": …}` (Google Chat's "Send a message to a space with an incoming
 *   webhook"; links written `<url|text>`, bold `*text*`). A message may be at most 32,000 bytes.
 * - Teams workflow ("Post to a channel when a webhook request is received"): the workflow reads
 *   `attachments[0].content` as an Adaptive Card, the same envelope Teams' incoming-webhook documentation
 *   gives (MicrosoftDocs/msteams-docs, connectors-using.md, "Send adaptive cards using an incoming webhook":
 *   `{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
 *   "contentUrl":null,"content":{"$schema":…,"type":"AdaptiveCard","version":…,"body":[…]}}]}`). Workflows
 *   accept Adaptive Cards only; card version 1.4 is what the templates render; messages up to 28 KB.
 * - any other address: `{"text": …, "changes": [{workbook, sheet, row, name, from, to, förklaring}]}`.
 *
 * Only names, statuses, explanations and row links: nothing else of a workbook leaves it.
 * @module
 */
import { alertMessage, DEFAULT_MAX_LISTED, type AlertChange, type AlertMessage } from '../../engine/index.ts';
import type { AlertFormat } from './target.ts';

/**
 * What each service accepts in one message, in bytes of the JSON body: Google Chat 32,000 (its message
 * limit), a Teams message 28 KB; the generic receiver has no published limit, 256 KB keeps it modest.
 */
export const BODY_LIMITS: Record<AlertFormat, number> = { 'google-chat': 32_000, teams: 28 * 1024, json: 256 * 1024 };

function chatText(message: AlertMessage): string {
  const lines = message.items.map((i) => {
    const link = i.link ? ` <${i.link}|Öppna raden>` : '';
    return `• ${i.place} – *${i.status}*. ${i.förklaring}${link}`;
  });
  return [`*${message.title}*`, ...lines, ...message.footer].join('\n');
}

function teamsCard(message: AlertMessage): object {
  const body: object[] = [{ type: 'TextBlock', text: message.title, weight: 'Bolder', size: 'Medium', wrap: true }];
  for (const i of message.items) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: i.status, weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: i.place, isSubtle: true, spacing: 'None', wrap: true },
        { type: 'TextBlock', text: i.förklaring, wrap: true },
        ...(i.link ? [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Öppna raden', url: i.link }] }] : []),
      ],
    });
  }
  for (const f of message.footer) body.push({ type: 'TextBlock', text: f, isSubtle: true, wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body },
      },
    ],
  };
}

/** The JSON body for the webhook's format; `changes` are the listed changes (the generic body lists them all). */
export function alertBody(format: AlertFormat, message: AlertMessage, changes: AlertChange[]): object {
  if (format === 'google-chat') return { text: chatText(message) };
  if (format === 'teams') return teamsCard(message);
  return {
    text: message.text,
    changes: changes.map((c) => ({ workbook: c.workbook, sheet: c.sheet, row: c.row, name: c.name, from: c.from, to: c.to, förklaring: c.förklaring })),
  };
}

export interface ComposedAlert {
  message: AlertMessage;
  body: object;
}

/**
 * The message and its body, listing as many changes as fit the service's limit (the rest are counted in the
 * footer); null when there is nothing to announce.
 */
export function composeAlert(
  format: AlertFormat,
  changes: AlertChange[],
  options: { dropped?: number; maxListed?: number } = {},
): ComposedAlert | null {
  let listed = options.maxListed ?? DEFAULT_MAX_LISTED;
  for (;;) {
    const message = alertMessage(changes, { dropped: options.dropped ?? 0, maxListed: listed });
    if (!message) return null;
    const body = alertBody(format, message, changes);
    if (listed <= 1 || Buffer.byteLength(JSON.stringify(body), 'utf8') <= BODY_LIMITS[format]) return { message, body };
    listed = Math.floor(listed * 0.75);
  }
}
