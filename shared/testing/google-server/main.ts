/**
 * The Google fake in its own process: `node shared/testing/google-server/main.ts [--queue=projects/…]`.
 * Prints one JSON line `{"url": …, "pid": …}` when it listens; stops on SIGTERM or when stdin closes
 * (so it never outlives the test that started it). client.ts starts and drives it.
 * @module
 */
import { parseArgs } from 'node:util';
import { startGoogleServer } from './server.ts';

const { values } = parseArgs({ options: { queue: { type: 'string', multiple: true }, port: { type: 'string' } }, strict: true });
const server = await startGoogleServer({ queues: values.queue ?? [], ...(values.port ? { port: Number(values.port) } : {}) });
process.stdout.write(JSON.stringify({ url: server.url, pid: process.pid }) + '\n');
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
