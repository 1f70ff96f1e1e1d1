/**
 * A webhook receiver on the loopback for tests of the alerts (domain.md §7): a real HTTP server (port 0) that
 * records every request and answers 200, or refuses with a chosen status until told to accept again.
 *
 * ```ts
 * const hook = await startWebhookReceiver();
 * hook.refuse(500);              // every request answers 500 …
 * hook.accept();                 // … until this
 * hook.hang();                   // requests get no answer (a sender's timeout must end them)
 * hook.requests[0].json;         // the parsed body
 * await hook.close();
 * ```
 * @module
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** the body parsed as JSON, undefined when it is not JSON */
  json: unknown;
  /** the status the receiver answered, or 'hang' */
  status: number | 'hang';
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:PORT/hook` */
  url: string;
  requests: ReceivedRequest[];
  refuse(status: number): void;
  hang(): void;
  accept(): void;
  close(): Promise<void>;
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  let status: number | 'hang' = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json: parse(body), status });
      if (status === 'hang') return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status < 300 ? '{}' : '{"error":"refused"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    requests,
    refuse: (s) => {
      status = s;
    },
    hang: () => {
      status = 'hang';
    },
    accept: () => {
      status = 200;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
