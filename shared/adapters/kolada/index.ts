/**
 * Kolada adapter: key-figure values from Kolada's open API (v2) for the `kolada` command and the daily
 * scheduled run (domain.md §7). Configuration by `MALKOLL_KOLADA_URL`; tests point it at the loopback fake in
 * shared/testing/kolada-fake. docs/year-after-year.md says what was verified of Kolada's answers.
 * @module
 */
export { fetchKolada, type KoladaClientOptions, type KoladaQuery, type KoladaResult } from './client.ts';
export { KoladaError, type KoladaKpiFailure } from './errors.ts';
export { koladaRoot, KOLADA_PUBLIC_ROOT, KOLADA_URL_VARIABLE } from './root.ts';
