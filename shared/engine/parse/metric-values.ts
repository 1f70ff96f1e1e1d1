/**
 * The figures of one `Mätetal` row besides its outcomes: Målvärde (a level, a change from Basvärde, or a
 * direction word), `Målvärde ÅÅÅÅ`, Basår/Basvärde/Målår, Årlig förändring, the tolerances and
 * `Följs upp t.o.m.`. Every problem becomes a Swedish row error; nothing is guessed.
 *
 * Units: in a `%` metric every form is read in percent: `36,9`, `36,9 %` and a percent-formatted cell 0,369 are
 * all 36,9; a plain numeric cell is taken as typed (36.9 → 36,9 %, 0.369 → 0,369 %), never rescaled by guess.
 * @module
 */
import type { CellInput } from '../model/grid.ts';
import type { Direction, MetricRow } from '../model/model.ts';
import { normalizeName } from '../model/grid.ts';
import { METRIC_HEADERS as H } from '../model/template.ts';
import type { HeaderMatch } from './headers.ts';
import { cellAt, type SheetRow } from './common.ts';
import { isPercentUnit, unitsAgree } from '../model/units.ts';
import { cellText, hasExplicitSign, parseNumberCell, parsePercentFraction, parseYearCell, quote, shownText } from './values.ts';

export interface MetricRowContext {
  unit: string | null;
  direction: Direction | null;
  errors: string[];
}

export type MetricFigures = Pick<
  MetricRow,
  'target' | 'targetsByYear' | 'targetYear' | 'baseYear' | 'baseValue' | 'annualChange' | 'tolerance' | 'absoluteTolerance' | 'followedUntil'
>;

/** A message for a percentage where the metric's unit is not `%`. */
export function percentInUnitMessage(text: string, unit: string): string {
  return `procent (${quote(text)}) i ett mätetal med enheten ${unit}`;
}

/**
 * Why a figure cannot be read in the metric's unit, or null: a percentage in a metric that is not one, or another
 * unit typed after it (`6,7 ton` where `Enhet` is `kg`): never dropped in silence. `cell` is quoted as shown.
 */
export function unitProblem(n: { percent: boolean; unit?: string }, cell: CellInput | null | undefined, unit: string | null): string | null {
  if (unit === null) return null;
  if (n.percent) return isPercentUnit(unit) ? null : percentInUnitMessage(shownText(cell), unit);
  if (n.unit === undefined || unitsAgree(n.unit, unit)) return null;
  return `${quote(shownText(cell))} har enheten ${n.unit}, men mätetalet har enheten ${unit}`;
}

function readYear(cell: CellInput | null | undefined, header: string, errors: string[]): number | null {
  const y = parseYearCell(cell);
  if (y.kind === 'error') errors.push(`${header}: ${y.message}`);
  return y.kind === 'year' ? y.year : null;
}

/** A value in the metric's unit (Basvärde, Tolerans (absolut)). */
function readLevel(cell: CellInput | null | undefined, prefix: string, ctx: MetricRowContext): number | null {
  const n = parseNumberCell(cell);
  if (n.kind === 'error') ctx.errors.push(`${prefix}: ${n.message}`);
  if (n.kind !== 'number') return null;
  const problem = unitProblem(n, cell, ctx.unit);
  if (problem !== null) {
    ctx.errors.push(`${prefix}: ${problem}`);
    return null;
  }
  return n.value;
}

/** Målvärde / Målvärde ÅÅÅÅ: a level, a `%` change from Basvärde (non-% units) or Öka/Minska (no level). */
function readTarget(cell: CellInput | null | undefined, header: string, base: number | null, ctx: MetricRowContext): number | null {
  const text = cellText(cell);
  const word = normalizeName(text);
  if (word === 'öka' || word === 'minska') {
    const typed: Direction = word === 'öka' ? 'Öka' : 'Minska';
    if (ctx.direction !== null && ctx.direction !== 'Kvalitativ' && ctx.direction !== typed) {
      ctx.errors.push(`${header} '${typed}' stämmer inte med Riktning '${ctx.direction}'`);
    }
    return null;
  }
  const n = parseNumberCell(cell);
  if (ctx.direction === 'Kvalitativ') return n.kind === 'number' ? n.value : null;
  if (n.kind === 'error') ctx.errors.push(`${header}: ${n.message}`);
  if (n.kind !== 'number') return null;
  if (!n.percent || isPercentUnit(ctx.unit)) {
    const problem = n.percent ? null : unitProblem(n, cell, ctx.unit);
    if (problem === null) return n.value;
    ctx.errors.push(`${header}: ${problem}`);
    return null;
  }
  if (base === null) {
    ctx.errors.push(`${header} ${quote(shownText(cell))} är en förändring från Basvärde, men Basvärde saknas`);
    return null;
  }
  return Number((base * (1 + n.value / 100)).toPrecision(12));
}

function readAnnualChange(cell: CellInput | null | undefined, ctx: MetricRowContext): number | null {
  const f = parsePercentFraction(cell);
  if (f.kind === 'error') ctx.errors.push(`${H.annualChange}: ${f.message}`);
  if (f.kind !== 'fraction') return null;
  const explicit = hasExplicitSign(cell) || f.value < 0;
  if (!explicit) return ctx.direction === 'Minska' ? -Math.abs(f.value) : f.value;
  if ((ctx.direction === 'Öka' && f.value < 0) || (ctx.direction === 'Minska' && f.value > 0)) {
    ctx.errors.push(`${H.annualChange} ${quote(shownText(cell))} går emot Riktning '${ctx.direction}'`);
    return null;
  }
  return f.value;
}

function readTolerance(cell: CellInput | null | undefined, ctx: MetricRowContext): number | null {
  const f = parsePercentFraction(cell);
  if (f.kind === 'error') ctx.errors.push(`ogiltig tolerans: ${f.message}`);
  if (f.kind !== 'fraction') return null;
  if (f.value < 0) {
    ctx.errors.push(`ogiltig tolerans ${quote(shownText(cell))}: får inte vara negativ`);
    return null;
  }
  return f.value;
}

function readAbsoluteTolerance(cell: CellInput | null | undefined, ctx: MetricRowContext): number | null {
  const value = readLevel(cell, 'ogiltig tolerans (absolut)', ctx);
  if (value !== null && value < 0) {
    ctx.errors.push(`ogiltig tolerans (absolut) ${quote(shownText(cell))}: får inte vara negativ`);
    return null;
  }
  return value;
}

export function readMetricFigures(row: SheetRow, match: HeaderMatch, ctx: MetricRowContext): MetricFigures {
  const at = (header: string) => cellAt(row, match.columns[header]);
  const baseValue = readLevel(at(H.baseValue), H.baseValue, ctx);
  const targetsByYear: Record<number, number> = {};
  for (const yc of match.yearColumns[H.target] ?? []) {
    const t = readTarget(row.cells[yc.column - 1], `${H.target} ${yc.year}`, baseValue, ctx);
    if (t !== null) targetsByYear[yc.year] = t;
  }
  return {
    target: readTarget(at(H.target), H.target, baseValue, ctx),
    targetsByYear,
    targetYear: readYear(at(H.targetYear), H.targetYear, ctx.errors),
    baseYear: readYear(at(H.baseYear), H.baseYear, ctx.errors),
    baseValue,
    annualChange: readAnnualChange(at(H.annualChange), ctx),
    tolerance: readTolerance(at(H.tolerance), ctx),
    absoluteTolerance: readAbsoluteTolerance(at(H.absoluteTolerance), ctx),
    followedUntil: readYear(at(H.followedUntil), H.followedUntil, ctx.errors),
  };
}
