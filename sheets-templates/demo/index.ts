/**
 * The demo set of Region Exempelland: `demoWorkbooks()` is what `init` and `npm start` write to a folder.
 * @module
 */
import { environmentWorkbook } from './environment.ts';
import { socialWorkbook } from './social.ts';
import { divisionWorkbook } from './division.ts';
import type { DemoWorkbook } from './types.ts';

export type { DemoSheet, DemoWorkbook } from './types.ts';

export function demoWorkbooks(): DemoWorkbook[] {
  return [environmentWorkbook(), socialWorkbook(), divisionWorkbook()];
}
