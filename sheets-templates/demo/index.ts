/**
 * The demo set of Region Exempelland: `demoWorkbooks()` is what `init` and `npm start` write to a folder.
 * @module
 */
import { environmentWorkbook } from './environment.ts';
import { socialWorkbook } from './social.ts';
import { divisionWorkbook } from './division.ts';
import type { DemoWorkbook } from './types.ts';

export type { DemoSheet, DemoWorkbook } from './types.ts';

/** `approved`: the set as it stood when its 2025 report was approved, before the one later correction. */
export function demoWorkbooks(options: { approved?: boolean } = {}): DemoWorkbook[] {
  return [environmentWorkbook(options), socialWorkbook(), divisionWorkbook()];
}

export { DEMO_APPROVAL, DEMO_KOLADA } from './environment-metrics.ts';
