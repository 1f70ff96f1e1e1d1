/**
 * Status-change alerts to MALKOLL_ALERT_WEBHOOK (domain.md §7), over real HTTP to the loopback receiver in
 * shared/testing: the three formats chosen by address, the address rules, a refused delivery kept in the
 * bounded backlog and sent with the next run's changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  alertBody,
  alertFormatOf,
  alertTarget,
  announceChanges,
  composeAlert,
  googleRowLink,
  queueChanges,
  sendAlert,
  type AlertTarget,
} from '../../../shared/adapters/alerts/index.ts';
import { ConfigError } from '../../../shared/config.ts';
import { alertMessage, type AlertChange } from '../../../shared/engine/index.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../shared/testing/webhook-receiver/index.ts';
import { alertChange as change } from '../../engine/year-fixtures.ts';


describe('MALKOLL_ALERT_WEBHOOK', () => {
  it.each([
    ['https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t', 'google-chat'],
    ['https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=s', 'teams'],
    ['https://api.powerautomate.com/webhook/abc', 'teams'],
    ['https://default0a1b.2c.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/x/triggers/manual/paths/invoke', 'teams'],
    ['https://hooks.region.se/malkoll', 'json'],
    ['https://chat.googleapis.com.evil.example/x', 'json'],
    ['https://notlogic.azure.com/x', 'json'],
    ['http://127.0.0.1:8080/hook', 'json'],
    ['http://localhost/hook', 'json'],
  ])('%s → %s', (url, format) => {
    expect(alertTarget({ MALKOLL_ALERT_WEBHOOK: url })).toEqual({ format, url: new URL(url).href });
    expect(alertFormatOf(new URL(url))).toBe(format);
  });

  it.each([undefined, '', '   '])('%j: no alerts', (value) => {
    expect(alertTarget({ MALKOLL_ALERT_WEBHOOK: value })).toBeNull();
  });

  it.each([
    ['http://chat.googleapis.com/v1/spaces/AAA/messages', 'http tillåts bara till den egna datorn'],
    ['http://10.0.0.5/hook', 'http tillåts bara till den egna datorn'],
    ['ftp://hooks.region.se/x', 'ska vara en https-adress'],
    ['hooks.region.se/x?token=secret', 'är ingen giltig adress'],
  ])('%s is refused, naming the variable and not the address', (value, message) => {
    let error: unknown = null;
    try {
      alertTarget({ MALKOLL_ALERT_WEBHOOK: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual(['MALKOLL_ALERT_WEBHOOK']);
    expect((error as Error).message).toContain(`MALKOLL_ALERT_WEBHOOK: `);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('secret');
  });
});

describe('the body per format', () => {
  const changes = [change({ link: googleRowLink('1AbC', 42, 7) })];
  const message = alertMessage(changes)!;

  it('links to the row in Google Sheets', () => {
    expect(googleRowLink('1AbC', 42, 7)).toBe('https://docs.google.com/spreadsheets/d/1AbC/edit#gid=42&range=A7');
  });

  it('Google Chat: {"text"} with Chat links', () => {
    expect(alertBody('google-chat', message, changes)).toEqual({
      text: [
        '*Målkoll: 1 bedömning har ändrats*',
        '• Klimat › Mätetal rad 7 – *Resor och transporter: Oförändrad → Negativ*. 274 (2025) mot 253 (2024): +8,3 % → Negativ <https://docs.google.com/spreadsheets/d/1AbC/edit#gid=42&range=A7|Öppna raden>',
      ].join('\n'),
    });
  });

  it('Teams workflow: a message with one Adaptive Card attachment', () => {
    const body = alertBody('teams', message, changes) as { type: string; attachments: { contentType: string; contentUrl: null; content: Record<string, unknown> }[] };
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null });
    const card = body.attachments[0]!.content;
    expect(card).toMatchObject({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4' });
    expect(card.body).toEqual([
      { type: 'TextBlock', text: 'Målkoll: 1 bedömning har ändrats', weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: 'Resor och transporter: Oförändrad → Negativ', weight: 'Bolder', wrap: true },
          { type: 'TextBlock', text: 'Klimat › Mätetal rad 7', isSubtle: true, spacing: 'None', wrap: true },
          { type: 'TextBlock', text: '274 (2025) mot 253 (2024): +8,3 % → Negativ', wrap: true },
          { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Öppna raden', url: 'https://docs.google.com/spreadsheets/d/1AbC/edit#gid=42&range=A7' }] },
        ],
      },
    ]);
  });

  it('any other address: {"text", "changes"} with exactly the listed fields', () => {
    expect(alertBody('json', message, changes)).toEqual({
      text: message.text,
      changes: [{ workbook: 'Klimat', sheet: 'Mätetal', row: 7, name: 'Resor och transporter', from: 'Oförändrad', to: 'Negativ', förklaring: '274 (2025) mot 253 (2024): +8,3 % → Negativ' }],
    });
  });

  it.each([
    ['google-chat', 32_000, 200],
    ['teams', 28 * 1024, 200],
    ['google-chat', 32_000, 40],
    ['teams', 28 * 1024, 40],
  ] as const)('a %s message of %i bytes at most lists what fits of %i long changes, and counts the rest', (format, limit, n) => {
    const long = Array.from({ length: n }, (_, i) =>
      change({ row: i + 2, workbook: 'Å'.repeat(200), sheet: 'Mätetal', name: 'ö'.repeat(200), förklaring: 'ä'.repeat(2000), link: googleRowLink('1'.repeat(44), 123456789, i + 2) }),
    );
    const composed = composeAlert(format, long, { dropped: 12 })!;
    expect(Buffer.byteLength(JSON.stringify(composed.body), 'utf8')).toBeLessThanOrEqual(limit);
    expect(composed.message.items.length).toBeGreaterThan(5);
    expect(composed.message.footer[0]).toBe(`… och ${n - composed.message.items.length} ändringar till; alla finns i Ändringslogg i sammanfattningen.`);
  });

  it('lists the usual run in full', () => {
    const few = Array.from({ length: 40 }, (_, i) => change({ row: i + 2 }));
    expect(composeAlert('teams', few)!.message.items).toHaveLength(40);
  });
});

describe('delivery', () => {
  let hook: WebhookReceiver;
  let target: AlertTarget;
  beforeEach(async () => {
    hook = await startWebhookReceiver();
    target = { format: 'json', url: hook.url };
  });
  afterEach(() => hook.close());

  it.each(['google-chat', 'teams', 'json'] as const)('%s: one POST of JSON', async (format) => {
    const changes = [change()];
    const result = await sendAlert({ format, url: hook.url }, alertBody(format, alertMessage(changes)!, changes));
    expect(result).toEqual({ ok: true, status: 200 });
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]).toMatchObject({ method: 'POST', path: '/hook' });
    expect(hook.requests[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(hook.requests[0]!.json).toEqual(alertBody(format, alertMessage(changes)!, changes));
  });

  it('a refusal is a result, not an exception', async () => {
    hook.refuse(500);
    const changes = [change()];
    expect(await sendAlert(target, alertBody('json', alertMessage(changes)!, changes))).toEqual({ ok: false, status: 500, reason: 'webhooken svarade 500' });
  });

  it('a webhook that does not answer is ended by the timeout', async () => {
    hook.hang();
    const changes = [change()];
    expect(await sendAlert(target, alertBody('json', alertMessage(changes)!, changes), { timeoutMs: 200 })).toEqual({ ok: false, status: null, reason: 'inget svar inom 0,2 s' });
  });

  it('nothing listening is a result too', async () => {
    await hook.close();
    const changes = [change()];
    expect(await sendAlert(target, alertBody('json', alertMessage(changes)!, changes))).toEqual({ ok: false, status: null, reason: 'anslutningen nekades' });
    hook = await startWebhookReceiver();
  });

  it('a run without changes sends nothing', async () => {
    const run = await announceChanges(target, null, []);
    expect(run).toEqual({ message: null, delivery: null, backlog: { changes: [], dropped: 0 } });
    expect(hook.requests).toEqual([]);
  });

  it('a refused delivery is kept and sent with the next run, oldest first, in one message', async () => {
    hook.refuse(500);
    const first = await announceChanges(target, null, [change({ row: 2 })]);
    expect(first.delivery).toMatchObject({ ok: false });
    expect(first.backlog.changes.map((c) => c.row)).toEqual([2]);

    hook.accept();
    const second = await announceChanges(target, first.backlog, [change({ row: 3 })]);
    expect(second.delivery).toEqual({ ok: true, status: 200 });
    expect(second.backlog).toEqual({ changes: [], dropped: 0 });
    expect(hook.requests).toHaveLength(2);
    expect((hook.requests[1]!.json as { changes: AlertChange[] }).changes.map((c) => c.row)).toEqual([2, 3]);

    const third = await announceChanges(target, second.backlog, []);
    expect(third.delivery).toBeNull();
    expect(hook.requests).toHaveLength(2);
  });

  it('keeps the backlog bounded, dropping the oldest and saying so', async () => {
    hook.refuse(503);
    let backlog = (await announceChanges(target, null, [change({ row: 2 }), change({ row: 3 })], { cap: 3 })).backlog;
    backlog = (await announceChanges(target, backlog, [change({ row: 4 }), change({ row: 5 })], { cap: 3 })).backlog;
    expect(backlog.changes.map((c) => c.row)).toEqual([3, 4, 5]);
    expect(backlog.dropped).toBe(1);
    hook.accept();
    const run = await announceChanges(target, backlog, [], { cap: 3 });
    expect(run.message?.footer).toEqual(['1 äldre ändring kunde inte skickas i tid och har utelämnats; se Ändringslogg.']);
    expect(run.backlog).toEqual({ changes: [], dropped: 0 });
  });

  it('without a webhook the message is still built (the CLI prints it) and nothing is kept', async () => {
    const run = await announceChanges(null, { changes: [change({ row: 9 })], dropped: 0 }, [change()]);
    expect(run.message?.items).toHaveLength(1);
    expect(run).toMatchObject({ delivery: null, backlog: { changes: [], dropped: 0 } });
  });

  it('queueChanges keeps order and counts what it drops', () => {
    const q = queueChanges({ changes: [change({ row: 1 })], dropped: 2 }, [change({ row: 2 }), change({ row: 3 })], 2);
    expect(q.changes.map((c) => c.row)).toEqual([2, 3]);
    expect(q.dropped).toBe(3);
  });
});
