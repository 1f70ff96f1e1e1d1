/** A small template workbook for the Google fake, edits of its outcome cells, and the fresh-result oracle. */
import type { sheets_v4 } from '@googleapis/sheets';
import type { GoogleFake, SheetSeed, CellSeed } from '../../shared/testing/google-fake/index.ts';
import { spreadsheetResource } from '../../shared/testing/google-fake/sheets-state.ts';
import { gridFromSpreadsheet } from '../../shared/adapters/sheets/read-grid.ts';
import { recalculate } from '../../shared/engine/recalculate.ts';
import type { SummaryState, SummaryStore } from '../../shared/ports.ts';

export const NOW = new Date('2026-03-02T09:00:00Z');
export const METRIC_SHEET = 'Mätetal';
export const HEADERS = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2024', 'Utfall 2025', 'Utveckling', 'Förklaring'];
/** 1-based columns */
export const OUTCOME_COLUMNS = [6, 7];
export const PRODUCT_COLUMNS = [8, 9];
export const METRIC_ROWS = [2, 3, 4];

export function seeds(): SheetSeed[] {
  return [
    { name: 'Målområden', rows: [['Målområde', 'Hållbarhetsmål'], ['Klimat', 'Halverade utsläpp 2030']] },
    { name: 'Indikatorer', rows: [['Målområde', 'Indikator', 'Målvärde 2030'], ['Klimat', 'Utsläpp', '−50 %']] },
    {
      name: METRIC_SHEET,
      rows: [
        HEADERS,
        ['Klimat', 'Utsläpp', 'Resor', 'ton', 'Minska', 30, 25],
        ['Klimat', 'Utsläpp', 'Energi', 'kWh', 'Minska', 100, 100],
        ['Klimat', 'Utsläpp', 'Solel', '%', 'Öka', 10, 12],
      ],
    },
    { name: 'Inställningar', rows: [['Inställning', 'Värde'], ['Organisation', 'Region Test'], ['Redovisningsår', 2025]] },
  ];
}

export interface Edit {
  row: number;
  column: number;
  value: CellSeed;
}

/** What a person types, as the Sheets UI stores it (the edit lands in the fake's state, no API call). */
export function applyEdit(fake: GoogleFake, id: string, edit: Edit): void {
  fake.typeCell(id, METRIC_SHEET, edit.row, edit.column, edit.value);
}

/** Statuses and explanations a recalculation of the CURRENT inputs gives, from scratch (pure engine, no product cells, no state). */
export function freshProductCells(fake: GoogleFake, id: string): Map<string, string> {
  const { grid } = gridFromSpreadsheet(id, spreadsheetResource(fake.getSpreadsheet(id), true));
  const blank = {
    ...grid,
    state: null,
    sheets: grid.sheets.map((s) =>
      s.name !== METRIC_SHEET ? s : { ...s, rows: s.rows.map((r, i) => (i === 0 ? r : r.map((c, j) => (PRODUCT_COLUMNS.includes(j + 1) ? null : c)))) },
    ),
  };
  const plan = recalculate([blank], { today: '2026-03-02', changedAt: NOW.toISOString() }).plans[0]!;
  const cells = new Map<string, string>();
  for (const w of plan.writes) if (w.sheet === METRIC_SHEET && w.rowNumber > 1) cells.set(`${w.rowNumber}:${w.columnNumber}`, String(w.value ?? ''));
  return cells;
}

/** The product cells the fake holds now (formatted as the engine writes them: text). */
export function currentProductCells(fake: GoogleFake, id: string): Map<string, string> {
  const values = fake.getSheetValues(id, METRIC_SHEET);
  const cells = new Map<string, string>();
  for (const row of METRIC_ROWS) {
    for (const column of PRODUCT_COLUMNS) {
      const v = values[row - 1]?.[column - 1];
      if (v !== null && v !== undefined && v !== '') cells.set(`${row}:${column}`, String(v));
    }
  }
  return cells;
}

/** The real Sheets client with hooks after each workbook read and write: where the interleaved edits land. */
export function hookedSheets(real: sheets_v4.Sheets, hooks: { afterRead: () => void; afterWrite: () => void }): sheets_v4.Sheets {
  const spreadsheets = {
    get: async (params: sheets_v4.Params$Resource$Spreadsheets$Get, options: unknown) => {
      const res = await real.spreadsheets.get(params, options as never);
      hooks.afterRead();
      return res;
    },
    batchUpdate: async (params: sheets_v4.Params$Resource$Spreadsheets$Batchupdate, options: unknown) => {
      const res = await real.spreadsheets.batchUpdate(params, options as never);
      hooks.afterWrite();
      return res;
    },
  };
  return { spreadsheets } as unknown as sheets_v4.Sheets;
}

/** An in-memory summary: the race under test is on the workbook's statuses. */
export function memorySummary(): SummaryStore {
  let state: SummaryState | null = null;
  return {
    readState: async () => state,
    write: async (_doc, next) => void (state = next),
    location: () => 'minne',
  };
}
