/**
 * The Google fake (Sheets, Drive), the Cloud Tasks fake and a metadata server behind one node:http
 * server, so that a function process reaches them as it reaches Google: MALKOLL_GOOGLE_API_ROOT=<url>
 * for the APIs (Sheets `/v4/…`, Drive `/drive/v3/…`, Cloud Tasks `/v2/…/tasks`), GCE_METADATA_HOST for
 * its credentials. Requests are handed to the same `handle` functions msw uses, rewritten to Google's own
 * host, so validation, faults, quotas and state are exactly the in-process fake's. `/__fake/…` is the
 * control API (control.ts).
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGoogleFake, type GoogleFake, type GoogleFakeOptions } from '../google-fake/index.ts';
import { createTasksFake, QUEUE_RETRY, type TasksFake } from '../tasks-fake/index.ts';
import { createMetadata } from './metadata.ts';
import { control } from './control.ts';

export interface GoogleServerOptions extends GoogleFakeOptions {
  port?: number;
  /** Cloud Tasks queues that exist (`projects/P/locations/L/queues/Q`) */
  queues?: string[];
}

export interface GoogleServer {
  /** the API root, e.g. `http://127.0.0.1:9099/` */
  url: string;
  fake: GoogleFake;
  tasks: TasksFake;
  close(): Promise<void>;
}

/** Which Google host a path under the API root belongs to. */
export function googleHostOf(pathname: string): string | null {
  if (pathname.startsWith('/v4/')) return 'sheets.googleapis.com';
  if (pathname.startsWith('/drive/') || pathname.startsWith('/upload/drive/')) return 'www.googleapis.com';
  if (/^\/v2\/projects\/[^/]+\/locations\/[^/]+\/queues\/[^/]+\/tasks$/.test(pathname)) return 'cloudtasks.googleapis.com';
  return null;
}

async function toRequest(req: IncomingMessage, url: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
  return new Request(url, { method: req.method, headers, ...(hasBody ? { body: Buffer.concat(chunks) } : {}) });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  if (response.type === 'error') {
    res.socket?.destroy(); // the fake's "connection reset"
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

export async function startGoogleServer(options: GoogleServerOptions = {}): Promise<GoogleServer> {
  const fake = createGoogleFake(options);
  const tasks = createTasksFake({ queues: options.queues ?? [], ...(options.now ? { now: options.now } : {}), retry: QUEUE_RETRY });
  const metadata = createMetadata();
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const search = new URL(req.url ?? '/', 'http://fake').search;
      let response: Response;
      if (path.startsWith('/__fake/')) {
        response = await control({ fake, tasks, tokensIssued: metadata.tokensIssued }, await toRequest(req, `http://fake${req.url}`));
      } else if (path.startsWith('/computeMetadata/')) {
        response = metadata.answer(await toRequest(req, `http://metadata.google.internal${req.url}`));
      } else {
        const host = googleHostOf(path);
        if (!host) response = new Response(JSON.stringify({ error: { code: 404, message: `Not found: ${path}` } }), { status: 404 });
        else {
          const request = await toRequest(req, `https://${host}${path}${search}`);
          response = host === 'cloudtasks.googleapis.com' ? await tasks.handle(request) : await fake.handle(request);
        }
      }
      await send(res, response);
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake server error: ${error instanceof Error ? error.stack : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    fake,
    tasks,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
