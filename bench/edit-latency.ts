/**
 * From the signed edit request to the status present in the fake, with 300 ms injected latency on every
 * Google call: a person types an outcome (in the fake), the trigger's signed call goes to a real
 * functions-framework server (getTestServer) serving onSheetEdit, inline recalculation (no queue).
 * The clock stops when the workbook's Utveckling cell shows the new status. Edits one after another.
 * @module
 */
import * as functions from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { AddressInfo } from 'node:net';
import { createOnSheetEdit } from '../functions/on-sheet-edit.ts';
import { relaxFrameworkJsonParsing } from '../functions/framework-json.ts';
import { computeSignature } from '../functions/signature.ts';
import { SIGNING_SECRET, createGoogleEnv } from './google-env.ts';
import { columnLetter } from './sheets-calls.ts';
import { percentile, median } from './engine.ts';
import { LAST_YEAR, fixtureSheets, metricHeaders } from './workbook-fixture.ts';

export interface LatencyResult {
  edits: number;
  metrics: number;
  delayMsPerCall: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** request → HTTP answer (the summary is written after the status) */
  answerP95Ms: number;
  googleCallsPerEdit: number;
}

export async function measureEditLatency(options: { edits?: number; metrics?: number; delayMs?: number } = {}): Promise<LatencyResult> {
  const edits = options.edits ?? 50;
  const metrics = options.metrics ?? 100;
  const delayMs = options.delayMs ?? 300;
  const env = createGoogleEnv([{ title: 'Klimat', sheets: fixtureSheets({ metrics }) }], { listen: 'bypass' });
  const id = env.workbookIds[0]!;
  relaxFrameworkJsonParsing(() => {});
  functions.http('benchOnSheetEdit', createOnSheetEdit({ config: env.config, recalculate: (sid, edit) => env.production(() => new Date()).recalculate(sid, edit), log: () => {} }));
  const server = getTestServer('benchOnSheetEdit');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const headers = metricHeaders(10);
  const outcomeColumn = headers.indexOf(`Utfall ${LAST_YEAR}`) + 1;
  const statusColumn = headers.indexOf('Utveckling') + 1;
  const status = (row: number) => env.fake.getCell(id, 'Mätetal', row, statusColumn)?.effectiveValue?.stringValue;
  try {
    await env.production().recalculate(id, null); // statuses and summary exist, as in a running region
    env.fake.inject({ delayMs, times: Number.POSITIVE_INFINITY });
    env.fake.calls.reset();
    const toStatus: number[] = [];
    const toAnswer: number[] = [];
    for (let i = 0; i < edits; i++) {
      // metric 1 (Minska, no manual assessment): 1 reaches its target (Positiv), 5000 is a rise (Negativ)
      const row = 2;
      const value = i % 2 === 0 ? 1 : 5000;
      env.type(id, 'Mätetal', row, outcomeColumn, value);
      const before = status(row);
      const body = JSON.stringify({ spreadsheetId: id, sheetName: 'Mätetal', range: `${columnLetter(outcomeColumn)}${row}`, editedAt: new Date().toISOString() });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const started = performance.now();
      let seenAt: number | null = null;
      const poll = setInterval(() => {
        if (seenAt === null && status(row) !== before) seenAt = performance.now();
      }, 2);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-malkoll-timestamp': timestamp, 'x-malkoll-signature': computeSignature(SIGNING_SECRET, timestamp, body) },
        body,
      });
      const answered = performance.now();
      clearInterval(poll);
      await res.text();
      if (res.status !== 200) throw new Error(`bench: edit answered ${res.status}`);
      if (seenAt === null && status(row) !== before) seenAt = answered;
      if (seenAt === null) throw new Error(`bench: edit ${i} did not change the status of row ${row} (${before})`);
      toStatus.push(seenAt - started);
      toAnswer.push(answered - started);
    }
    return {
      edits,
      metrics,
      delayMsPerCall: delayMs,
      p50Ms: median(toStatus),
      p95Ms: percentile(toStatus, 95),
      maxMs: Math.max(...toStatus),
      answerP95Ms: percentile(toAnswer, 95),
      googleCallsPerEdit: env.fake.calls.count() / edits,
    };
  } finally {
    env.fake.clearFaults();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    env.close();
  }
}
