/** Shared seeds and plans for the Sheets adapter tests. */
import type { CellSeed, SheetSeed } from '../../../shared/testing/google-fake/index.ts';
import type { CellWrite, WritePlan } from '../../../shared/engine/model/model.ts';

export const METRIC_HEADERS = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2024', 'Utfall 2025', 'Utveckling', 'Förklaring'];
export const INPUT_COLUMNS = 7;

export function metricSheet(rows: number, width = METRIC_HEADERS.length): SheetSeed {
  const body: CellSeed[][] = Array.from({ length: rows }, (_, i) => ['Klimat', 'Utsläpp', `Mätetal ${i + 1}`, '%', 'Minska', 40 + i, 38 + i]);
  return { name: 'Mätetal', rows: [METRIC_HEADERS.slice(0, width), ...body] };
}

export function planFor(workbookId: string, rows: number, statuses: CellWrite['style'][] = ['Positiv']): WritePlan {
  const writes: CellWrite[] = [];
  const written: Record<string, string> = {};
  for (let r = 2; r <= rows + 1; r++) {
    const status = statuses[(r - 2) % statuses.length]!;
    writes.push({ sheet: 'Mätetal', rowNumber: r, columnNumber: 8, value: status, style: status });
    writes.push({ sheet: 'Mätetal', rowNumber: r, columnNumber: 9, value: `Förklaring ${r}`, style: 'text' });
    written[`Mätetal!${r}!Utveckling`] = status;
  }
  return { workbookId, writes, state: { written }, stateChanged: true, changes: [] };
}

export const fastRetry = (slept: number[] = []) => ({
  sleep: async (ms: number) => void slept.push(ms),
  random: () => 1,
  retries: 4,
});
