/**
 * "Are we on pace?" (domain.md §4 "Pace"): the straight line from Basvärde (Basår) to Målvärde (Målår),
 * where this year's outcome should be on it, and a least-squares projection of when the target is reached.
 * @module
 */
import type { MetricRow, PaceResult, PaceVerdict } from '../model/model.ts';
import { decimalsApart, formatNumber, formatWithUnit } from '../explain/format.ts';
import { decimalScale } from '../model/decimal.ts';
import { atOrBetter, directionSign, lineReachesTarget, onPace } from '../model/rule-compare.ts';

/** Pace of one metric in `year`; null when the row has no complete base/target or cannot be assessed. */
export function assessPace(row: MetricRow, year: number): PaceResult | null {
  const { baseYear, baseValue, target, targetYear, direction } = row;
  if (baseYear === null || baseValue === null || target === null || targetYear === null) return null;
  if (direction !== 'Öka' && direction !== 'Minska') return null;
  if (row.errors.length > 0 || targetYear <= baseYear || year < baseYear) return null;

  const expected = expectedValue(baseYear, baseValue, targetYear, target, year);
  const actual = row.outcomes[year] ?? null;
  const verdict: PaceVerdict | null =
    actual === null ? null : onPace(actual, { year: baseYear, value: baseValue }, { year: targetYear, value: target }, year, direction) ? 'I takt' : 'Ej i takt';
  const whole = Math.abs(target - baseValue);
  // Signed by direction so that a larger share means further behind for Öka and Minska alike.
  const gapShare = actual === null || whole === 0 ? null : (directionSign(direction) * (expected - actual)) / whole;
  const projection = projectTargetYear(row.outcomes, year, target, direction);
  const result: Omit<PaceResult, 'explanation'> = {
    workbookId: row.workbookId,
    rowNumber: row.rowNumber,
    goalArea: row.goalArea,
    indicator: row.indicator,
    name: row.name,
    unit: row.unit,
    year,
    expected,
    actual,
    verdict,
    gapShare,
    projection,
    base: { year: baseYear, value: baseValue },
    goal: { year: targetYear, value: target },
  };
  return { ...result, explanation: explainPace(result, row, direction) };
}

export function expectedValue(baseYear: number, baseValue: number, targetYear: number, target: number, year: number): number {
  if (year >= targetYear) return target;
  return baseValue + ((target - baseValue) * (year - baseYear)) / (targetYear - baseYear);
}

/**
 * Least-squares line through the last three years ≤ `year` that have outcomes (at least two): the first
 * whole year it reaches the target, `year` itself when the outcome already has, 'nås inte' when the line
 * is flat or heads the wrong way, null when there are too few points.
 */
export function projectTargetYear(
  outcomes: Record<number, number>,
  year: number,
  target: number,
  direction: 'Öka' | 'Minska',
): number | 'nås inte' | null {
  const current = outcomes[year];
  if (current !== undefined && atOrBetter(current, target, direction)) return year;
  const points = Object.entries(outcomes)
    .map(([y, v]) => ({ x: Number(y), y: v }))
    .filter((p) => p.x <= year && Number.isFinite(p.y))
    .sort((a, b) => a.x - b.x)
    .slice(-3);
  if (points.length < 2) return null;
  const reached = lineReachesTarget(points, target, direction);
  return reached === 'nås inte' ? reached : Math.max(reached, year);
}

/** "Förväntat 62,5 (2025) på rak linje från 50 (2019) till 100 (2030); utfall 58 → Ej i takt; prognos: målet nås 2032" */
export function explainPace(p: Omit<PaceResult, 'explanation'>, row: MetricRow, direction: 'Öka' | 'Minska'): string {
  const fmt = (v: number) => formatWithUnit(v, p.unit);
  // the straight line rarely lands on a typed figure: one decimal is enough for "where it should be", or as many as
  // the outcome beside it shows, and more where rounding would put an outcome that is behind on the line
  const from = p.actual === null ? 1 : Math.max(1, Math.min(2, decimalScale(p.actual)));
  const decimals = p.actual !== null && p.verdict === 'Ej i takt' ? decimalsApart(p.actual, p.expected, formatNumber, from) : from;
  const fmtExpected = (v: number) => formatWithUnit(v, p.unit, decimals);
  const line = `från ${fmt(row.baseValue ?? 0)} (${row.baseYear}) till ${fmt(row.target ?? 0)} (${row.targetYear})`;
  const head =
    row.targetYear !== null && p.year >= row.targetYear
      ? `Förväntat ${fmtExpected(p.expected)} (${p.year}): målvärdet för ${row.targetYear}, på rak linje ${line}`
      : `Förväntat ${fmtExpected(p.expected)} (${p.year}) på rak linje ${line}`;
  const outcome = p.actual === null ? `utfall ${p.year} saknas` : `utfall ${formatWithUnit(p.actual, p.unit, Math.max(2, decimals))} → ${p.verdict}`;
  const projection =
    p.projection === null
      ? ''
      : p.projection === 'nås inte'
        ? '; prognos: målet nås inte'
        : p.actual !== null && row.target !== null && atOrBetter(p.actual, row.target, direction)
          ? '; målvärdet är redan nått'
          : `; prognos: målet nås ${p.projection}`;
  return `${head}; ${outcome}${projection}`;
}

/** The pace table's order: largest gap (share of the whole way) first; rows without a gap last. */
export function sortPace(results: readonly PaceResult[]): PaceResult[] {
  return [...results].sort((a, b) => {
    if (a.gapShare === null || b.gapShare === null) return a.gapShare === null ? (b.gapShare === null ? 0 : 1) : -1;
    return b.gapShare - a.gapShare || a.name.localeCompare(b.name, 'sv-SE');
  });
}
