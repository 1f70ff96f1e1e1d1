/**
 * The fake's control API (`/__fake/…`, JSON), for a test or benchmark in another process: seed
 * spreadsheets, type a cell as a person would, read cells and the call log, inject faults, and let the
 * Cloud Tasks fake deliver due tasks to their URLs (as Cloud Tasks would, over HTTP).
 * @module
 */
import type { GoogleFake, Fault, SheetSeed, CellSeed } from '../google-fake/index.ts';
import type { TasksFake } from '../tasks-fake/index.ts';

export interface ControlContext {
  fake: GoogleFake;
  tasks: TasksFake;
  tokensIssued: () => number;
}

/** A recorded call as the control API reports it (bodies left out: they can be megabytes). */
export interface CallRecord {
  method: string;
  httpMethod: string;
  path: string;
  at: number;
  answeredAt?: number;
  status?: number;
}

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value ?? null), { status, headers: { 'content-type': 'application/json' } });

async function deliver(request: { url: string; method: string; headers: Record<string, string>; body: string }): Promise<number> {
  try {
    const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0; // no answer: Cloud Tasks retries it
  }
}

export async function control(ctx: ControlContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const parts = url.pathname.replace(/^\/__fake\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const body = request.method === 'POST' ? ((await request.json().catch(() => ({}))) as Record<string, any>) : {};
  const { fake, tasks } = ctx;
  const route = `${request.method} ${parts[0] ?? ''}${parts.length > 2 ? `/*/${parts[2]}` : parts.length === 2 ? '/*' : ''}`;
  switch (route) {
    case 'POST spreadsheets':
      return json({ id: fake.createSpreadsheet(body.title as string, body.sheets as SheetSeed[], body.id ? { id: body.id as string } : {}) });
    case 'GET spreadsheets/*':
      return json(fake.getSpreadsheet(parts[1]!), 200);
    case 'GET spreadsheets/*/values':
      return json(fake.getSheetValues(parts[1]!, url.searchParams.get('sheet') ?? ''));
    case 'GET spreadsheets/*/cell':
      return json(fake.getCell(parts[1]!, url.searchParams.get('sheet') ?? '', Number(url.searchParams.get('row')), Number(url.searchParams.get('column'))));
    case 'POST spreadsheets/*/cell': {
      // a person typing: the cell as the seed describes it, nothing else changes
      if (!fake.getSpreadsheet(parts[1]!).sheets.some((s) => s.properties.title === body.sheet)) return json({ error: `no sheet ${body.sheet}` }, 404);
      fake.typeCell(parts[1]!, body.sheet as string, body.row as number, body.column as number, body.value as CellSeed);
      return json({ ok: true });
    }
    case 'GET files/*':
      return json(fake.drive.files.get(parts[1]!) ?? null);
    case 'GET calls':
      return json(
        fake.calls.requests.map<CallRecord>((r) => ({ method: r.method, httpMethod: r.httpMethod, path: r.url.pathname, at: r.at, answeredAt: r.answeredAt, status: r.status })),
      );
    case 'POST calls':
      fake.calls.reset();
      return json({ ok: true });
    case 'GET state':
      return json({ validationErrors: fake.validationErrors, quotaRefusals: fake.quotaRefusals, tokensIssued: ctx.tokensIssued(), tasksValidationErrors: tasks.validationErrors });
    case 'POST faults':
      fake.inject(body as Fault);
      return json({ ok: true });
    case 'POST clear-faults':
      fake.clearFaults();
      return json({ ok: true });
    case 'GET tasks':
      return json({ pending: tasks.pending(), created: tasks.created.map((t) => t.name), requests: tasks.requests });
    case 'POST tasks': {
      // deliver every due task, one at a time (`at`: the queue's clock, default now)
      const done = await tasks.dispatch(deliver, typeof body.at === 'number' ? body.at : undefined);
      return json(done);
    }
    default:
      return json({ error: `unknown control route ${route}` }, 404);
  }
}
