/**
 * The address rule for every outside service the operator points the product at (`MALKOLL_KOLADA_URL`,
 * `MALKOLL_ALERT_WEBHOOK`): https, or plain http only to this computer (a loopback address: tests, emulators,
 * a local proxy). Anything else could send data in clear text over a network, so it stops the process at
 * start-up with a Swedish message naming the variable (ConfigError, as shared/config.ts does).
 * @module
 */
import { isIP } from 'node:net';
import { ConfigError } from '../../config-error.ts';

/** `localhost`, 127.0.0.0/8 and ::1 — names and addresses that never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * The URL in `value`, or a ConfigError naming `variable`. `example` is shown in the message; `what` says in
 * Swedish what the address is for.
 */
export function serviceUrl(value: string, variable: string, what: string, example: string): URL {
  const fail = (message: string): never => {
    throw new ConfigError([{ variable, message }]);
  };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // the value is not quoted: a webhook address is a secret, and messages end up in logs
    return fail(`är ingen giltig adress; ange ${what}, t.ex. ${example}`);
  }
  if (url.username || url.password) fail('får inte innehålla användarnamn eller lösenord');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === 'http:') return fail(`ska vara en https-adress; http tillåts bara till den egna datorn (127.0.0.1, localhost), inte ${url.hostname}`);
  return fail(`ska vara en https-adress (${what}), t.ex. ${example}`);
}
