/**
 * `MALKOLL_KOLADA_URL` (domain.md §6): Kolada's API root without the version; the client appends `/v2/…`.
 * Optional, defaulting to Kolada's public address; https, or http to a loopback address (the test fake).
 * @module
 */
import { ConfigError } from '../../config-error.ts';
import { serviceUrl } from '../http/endpoint.ts';

export const KOLADA_URL_VARIABLE = 'MALKOLL_KOLADA_URL';
export const KOLADA_PUBLIC_ROOT = 'https://api.kolada.se';

/** The root without a trailing slash, e.g. `https://api.kolada.se` or `http://127.0.0.1:8088`. */
export function koladaRoot(env: Record<string, string | undefined>): string {
  const raw = env[KOLADA_URL_VARIABLE]?.trim();
  if (!raw) return KOLADA_PUBLIC_ROOT;
  const url = serviceUrl(raw, KOLADA_URL_VARIABLE, 'Koladas API-adress utan version', KOLADA_PUBLIC_ROOT);
  const path = url.pathname.replace(/\/+$/, '');
  if (url.search || url.hash) {
    throw new ConfigError([{ variable: KOLADA_URL_VARIABLE, message: 'ska vara en adress utan frågedel (?…) eller #' }]);
  }
  if (/\/v\d+$/i.test(path)) {
    throw new ConfigError([{ variable: KOLADA_URL_VARIABLE, message: `ska anges utan version (utan ${path.slice(path.lastIndexOf('/'))}), t.ex. ${KOLADA_PUBLIC_ROOT}` }]);
  }
  return `${url.origin}${path}`;
}
