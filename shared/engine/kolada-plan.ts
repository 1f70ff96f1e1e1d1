/**
 * The Kolada fetch applied to one workbook (domain.md §7): which key figures and years to ask for, and, with
 * Kolada's answer, each row's merge (assess/kolada.ts) turned into the cells to write and the record to keep
 * in the product's state (model/kolada.ts). Pure: the caller fetches, reads and writes.
 * @module
 */
import { findSheet, type WorkbookGrid } from './model/grid.ts';
import type { IsoDate, SetSettings, WorkbookModel } from './model/model.ts';
import type { InputCellWrite, InputPlan } from './model/input-plan.ts';
import { koladaKey, sameFigure, type KoladaRecord } from './model/kolada.ts';
import { OUTCOME_PREFIX, SHEETS } from './model/template.ts';
import { isPercentUnit } from './model/units.ts';
import { metricHeaderMatch } from './parse/metrics.ts';
import { metricIdentities } from './parse/kolada-outcomes.ts';
import { mergeKoladaRow, type KoladaDecision, type KoladaWritten } from './assess/kolada.ts';

export interface KoladaQueryPlan {
  /** the set's `Kolada-id`, null when not given */
  municipality: string | null;
  /** distinct key figures of the set's rows, in the order they first appear */
  kpis: string[];
  /** every `Utfall` year of the set */
  years: number[];
  /** rows with a `Kolada-KPI` */
  rows: number;
}

export function koladaQuery(models: readonly WorkbookModel[], settings: SetSettings): KoladaQueryPlan {
  const kpis: string[] = [];
  let rows = 0;
  for (const m of models) {
    for (const row of m.metrics) {
      if (!row.koladaKpi) continue;
      rows++;
      if (!kpis.includes(row.koladaKpi)) kpis.push(row.koladaKpi);
    }
  }
  const years = [...new Set(models.flatMap((m) => m.years))].sort((a, b) => a - b);
  return { municipality: settings.koladaId, kpis, years, rows };
}

export interface KoladaRowReport {
  rowNumber: number;
  subject: string;
  kpi: string;
  decisions: KoladaDecision[];
}

export interface KoladaWorkbookPlan {
  rows: KoladaRowReport[];
  /** the cells and state to write; null when nothing in the workbook changes */
  plan: InputPlan | null;
}

/**
 * `fetched`: key figure → year → Kolada's value (a key figure that failed is absent: its rows keep what they
 * have). The record of a row keeps the first fetch date while Kolada agrees, so a second run writes nothing.
 */
export function planKolada(grid: WorkbookGrid, model: WorkbookModel, fetched: Record<string, Record<number, number>>, fetchedOn: IsoDate): KoladaWorkbookPlan {
  const sheet = findSheet(grid, SHEETS.metrics);
  if (!sheet) return { rows: [], plan: null };
  const match = metricHeaderMatch(sheet);
  const columns = match.yearColumns[OUTCOME_PREFIX] ?? [];
  const before = grid.state?.kolada ?? {};
  const records: Record<string, KoladaRecord> = { ...before };
  const writes: InputCellWrite[] = [];
  const rows: KoladaRowReport[] = [];
  const identities = metricIdentities(model.metrics);

  model.metrics.forEach((row, i) => {
    const values = row.koladaKpi ? fetched[row.koladaKpi] : undefined;
    if (!row.koladaKpi || !values) return;
    const identity = identities[i]!;
    const written: Record<number, KoladaWritten> = {};
    for (const c of columns) {
      const r = before[koladaKey(identity, c.year)];
      if (r?.written) written[c.year] = { value: r.value, kpi: r.kpi, fetchedOn: r.fetchedOn };
    }
    const percent = isPercentUnit(row.unit);
    const result = mergeKoladaRow({
      workbookId: model.workbookId,
      workbookName: model.workbookName,
      sheet: sheet.name,
      rowNumber: row.rowNumber,
      subject: row.name,
      unit: row.unit,
      percent,
      kpi: row.koladaKpi,
      cells: columns.map((c) => ({ year: c.year, cell: sheet.rows[row.rowNumber - 1]?.[c.column - 1], typed: row.outcomes[c.year] ?? null })),
      written,
      fetched: values,
      fetchedOn,
    });
    for (const c of columns) delete records[koladaKey(identity, c.year)];
    for (const [year, w] of Object.entries(result.written)) records[koladaKey(identity, Number(year))] = { ...w, written: true };
    for (const d of result.decisions) {
      if (d.action !== 'conflict') continue;
      const key = koladaKey(identity, d.year);
      const kolada = values[d.year]!;
      const value = percent ? Number((kolada / 100).toPrecision(12)) : kolada;
      // the same difference as last time keeps the day it was first seen: a run that finds nothing new writes nothing
      const seen = before[key];
      const same = seen && !seen.written && seen.kpi === row.koladaKpi && sameFigure(seen.value, value);
      records[key] = same ? seen : { value, kpi: row.koladaKpi, fetchedOn, written: false };
    }
    for (const w of result.writes) {
      const column = columns.find((c) => c.year === w.year)!.column;
      writes.push({ sheet: sheet.name, rowNumber: row.rowNumber, columnNumber: column, value: { number: w.value, percent: w.percent } });
    }
    rows.push({ rowNumber: row.rowNumber, subject: row.name, kpi: row.koladaKpi, decisions: result.decisions });
  });

  const changed = writes.length > 0 || canonical(before) !== canonical(records);
  if (!changed) return { rows, plan: null };
  const state = { ...(grid.state ?? { written: {} }), kolada: records };
  return { rows, plan: { workbookId: grid.id, writes, state, recalcOnOpen: writes.length > 0 } };
}

function canonical(records: Record<string, KoladaRecord>): string {
  return JSON.stringify(Object.keys(records).sort().map((k) => [k, records[k]]));
}
