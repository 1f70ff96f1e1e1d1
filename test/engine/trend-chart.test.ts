/**
 * Which indicator the summary's line chart shows: the earliest in the set's order among those with at least two
 * metrics in one unit that each have two or more years; an indicator the set does not list comes after the
 * listed ones, and of equals the one met first among the metrics wins.
 */
import { describe, expect, it } from 'vitest';
import { trendChart } from '../../shared/engine/summary/charts.ts';
import type { SetAssessment } from '../../shared/engine/model/model.ts';
import { aggregate, demoSet, metric } from './set-fixtures.ts';

const TWO_YEARS = { 2024: 10, 2025: 12 };
const pair = (goalArea: string, indicator: string, unit = 'ton') => [
  metric({ name: `${indicator} A`, goalArea, indicator, unit, outcomes: TWO_YEARS }),
  metric({ name: `${indicator} B`, goalArea, indicator, unit, outcomes: TWO_YEARS }),
];
const indicator = (goalArea: string, name: string) => aggregate({ level: 'indikator', name, goalArea });

function setOf(metrics: ReturnType<typeof metric>[], listed: [goalArea: string, name: string][]): SetAssessment {
  return { ...demoSet(), metrics, indicators: listed.map(([g, n]) => indicator(g, n)) };
}

describe('the trend chart picks its indicator', () => {
  it.each([
    ['the earliest listed, whatever the metrics’ order', setOf([...pair('G', 'Sist'), ...pair('G', 'Först')], [['G', 'Först'], ['G', 'Sist']]), 'Först'],
    ['a listed one before one the set does not list', setOf([...pair('G', 'Olistad'), ...pair('G', 'Listad')], [['G', 'Listad']]), 'Listad'],
    ['of two not listed, the one met first', setOf([...pair('G', 'Ett'), ...pair('G', 'Två')], []), 'Ett'],
    ['of one indicator in two units, the unit met first', setOf([...pair('G', 'Delad', 'kWh'), ...pair('G', 'Delad', 'ton')], [['G', 'Delad']]), 'Delad'],
    ['the same name in another goal area is another indicator', setOf([...pair('H', 'Namn'), ...pair('G', 'Namn')], [['G', 'Namn'], ['H', 'Namn']]), 'Namn'],
  ])('%s', (_case, set, expected) => {
    const chart = trendChart(set);
    expect(chart?.title.startsWith(`${expected}:`)).toBe(true);
  });

  it('follows the goal area of the listed indicator and the unit met first', () => {
    const unitFirst = trendChart(setOf([...pair('G', 'Delad', 'kWh'), ...pair('G', 'Delad', 'ton')], [['G', 'Delad']]));
    expect(unitFirst?.unit).toBe('kWh');
    const area = trendChart(setOf([...pair('H', 'Namn', 'kWh'), ...pair('G', 'Namn', 'ton')], [['G', 'Namn'], ['H', 'Namn']]));
    expect(area?.unit).toBe('ton');
  });

  it('is left out when no indicator has two such metrics', () => {
    expect(trendChart(setOf([metric({ name: 'Ensam', goalArea: 'G', indicator: 'I', unit: 'ton', outcomes: TWO_YEARS })], [['G', 'I']]))).toBeNull();
  });
});
