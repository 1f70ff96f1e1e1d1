/**
 * The keywords people type into the template (Riktning, Manuell bedömning, Status): matched without
 * regard to case or surrounding spaces, and the report forms Positivt / Negativt / Oförändrat accepted.
 * @module
 */
import type { Assessment, Direction, PlanStatus } from '../model/model.ts';
import { normalizeName } from '../model/grid.ts';
import { ASSESSMENTS, DIRECTIONS, PLAN_STATUSES } from '../model/template.ts';
import { quote } from './values.ts';

export type WordResult<T> = { kind: 'empty' } | { kind: 'word'; value: T } | { kind: 'error'; message: string };

export function lookup<T extends string>(text: string, table: Record<string, T>, valid: readonly string[], what: string): WordResult<T> {
  const key = normalizeName(text);
  if (key === '') return { kind: 'empty' };
  const value = table[key];
  if (value !== undefined) return { kind: 'word', value };
  const list = valid.map((w) => `'${w}'`).join(', ');
  return { kind: 'error', message: `${what} ${quote(text)} känns inte igen – använd ${list}` };
}

export function tableOf<T extends string>(words: readonly T[], extra: Record<string, T> = {}): Record<string, T> {
  const table: Record<string, T> = {};
  for (const w of words) table[normalizeName(w)] = w;
  for (const [k, v] of Object.entries(extra)) table[normalizeName(k)] = v;
  return table;
}

const DIRECTION_TABLE = tableOf<Direction>(DIRECTIONS);
const ASSESSMENT_TABLE = tableOf<Assessment>(ASSESSMENTS, {
  Positivt: 'Positiv',
  Negativt: 'Negativ',
  Oförändrat: 'Oförändrad',
  'Inget värde.': 'Inget värde',
});
const PLAN_TABLE = tableOf<PlanStatus>(PLAN_STATUSES, { 'Ej påbörjat': 'Ej påbörjad', Pågående: 'Pågår', Klart: 'Klar' });

export function parseDirection(text: string): WordResult<Direction> {
  return lookup(text, DIRECTION_TABLE, DIRECTIONS, 'Riktning');
}

export function parseAssessmentWord(text: string): WordResult<Assessment> {
  return lookup(text, ASSESSMENT_TABLE, ASSESSMENTS, 'Manuell bedömning');
}

export function parsePlanStatus(text: string): WordResult<PlanStatus> {
  return lookup(text, PLAN_TABLE, PLAN_STATUSES, 'Status');
}
