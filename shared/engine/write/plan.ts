/**
 * The write plan of one workbook: the product's own cells (Utveckling, Förklaring, Läge and their
 * headers) whose text must change, the state to remember, and the status changes for Ändringslogg.
 * Nothing outside the product columns is ever planned: a column the model maps to a product header
 * but whose header-row text is some other header is refused, so a parser slip cannot overwrite input.
 * @module
 */
import { cellText, findSheet, mergedAway, normalizeName } from '../model/grid.ts';
import type { CellInput, ColumnNumber, ProductState, RowNumber, SheetGrid, WorkbookGrid } from '../model/grid.ts';
import type {
  CellStyleKey,
  CellWrite,
  ProductColumns,
  StatusChange,
  WorkbookAssessment,
  WorkbookModel,
  WritePlan,
} from '../model/model.ts';
import { ACTION_HEADERS, METRIC_HEADERS, PRODUCT_COLUMNS, SHEETS } from '../model/template.ts';
import { RowIdentities, rowRef, sameState, stateKey, type StateRowRef } from '../model/state.ts';
import { fitCell } from '../model/cell-limit.ts';

/** One product cell the plan owns. `status` cells (Utveckling, Läge) feed Ändringslogg. */
interface OwnedCell {
  header: string;
  value: string;
  style: CellStyleKey;
  status: boolean;
}

interface OwnedRow {
  /** template sheet name: the state keys must not depend on how the user spells the sheet */
  sheet: string;
  rowNumber: RowNumber;
  identity: string[];
  subject: string;
  cells: OwnedCell[];
}

export function planWrites(grid: WorkbookGrid, model: WorkbookModel, assessment: WorkbookAssessment): WritePlan {
  const writes: CellWrite[] = [];
  const changes: StatusChange[] = [];
  const written: Record<string, string> = {};

  for (const sheetName of Object.keys(PRODUCT_COLUMNS)) {
    const columns = model.productColumns.find((pc) => normalizeName(pc.sheet) === normalizeName(sheetName));
    const sheet = findSheet(grid, columns?.sheet ?? sheetName);
    if (!columns || !sheet) continue;
    const headerRow = columns.headerRow ?? 1;
    const usable = usableColumns(sheet, sheetName, columns, headerRow);
    // a product cell inside a merged range (not its top-left cell) is hidden: never written (the parser notes it)
    const hidden = mergedAway(sheet, usable.values());

    for (const [header, col] of usable) {
      if (hidden.get(col)?.has(headerRow)) continue;
      if (normalizeName(textAt(sheet, headerRow, col)) !== normalizeName(header)) {
        writes.push({ sheet: sheet.name, rowNumber: headerRow, columnNumber: col, value: header, style: 'header' });
      }
    }

    // per sheet: identities of different sheets never share a state key (stateKey starts with the sheet)
    const usedIdentities = new Set<string>();
    const identities = new RowIdentities();
    for (const row of ownedRows(sheetName, model, assessment)) {
      let identity = identities.of(row.identity);
      // duplicate names (themselves a row error) must not share one remembered cell
      if (usedIdentities.has(identity)) identity = `${identity}|#${row.rowNumber}`;
      usedIdentities.add(identity);

      for (let c = 0; c < row.cells.length; c++) {
        const cell = row.cells[c]!;
        const col = usable.get(cell.header);
        if (col === undefined || row.rowNumber <= headerRow || hidden.get(col)?.has(row.rowNumber)) continue;
        // the assessments already fit their texts; this keeps any cell the plan writes within Excel's limit
        const target = fitCell(cell.value.trim());
        const stored = sheet.rows[row.rowNumber - 1]?.[col - 1];
        const key = stateKey(sheetName, identity, cell.header);
        written[key] = target;
        // right words the product did not write there (a person typed them over another status) lack its colour: the
        // cell is written with its style. Without any state yet, cells already right are left as they are.
        if (!holds(stored, target) || (target !== '' && grid.state && grid.state.written[key] !== target)) {
          writes.push({ sheet: sheet.name, rowNumber: row.rowNumber, columnNumber: col, value: target, style: cell.style });
        }
        if (cell.status) {
          const previous = grid.state?.written[key] ?? cellText(stored);
          if (previous.trim() !== target) {
            // the row's Förklaring goes with the change: an alert quotes it (domain.md §7)
            const explanation = row.cells[c + 1]?.header === METRIC_HEADERS.explanation ? fitCell(row.cells[c + 1]!.value.trim()) : undefined;
            changes.push({
              workbookId: model.workbookId,
              workbookName: model.workbookName,
              sheet: sheet.name,
              rowNumber: row.rowNumber,
              subject: row.subject,
              from: previous.trim() === '' ? null : previous.trim(),
              to: target,
              ...(explanation !== undefined ? { explanation } : {}),
            });
          }
        }
      }
    }
  }

  // what the product remembers of Kolada is not the plan's to change (the Kolada merge writes it)
  const state: ProductState = grid.state?.kolada ? { written, kolada: grid.state.kolada } : { written };
  return { workbookId: model.workbookId, writes, state, stateChanged: !sameState(grid.state, state), changes };
}

/**
 * Product header → column, keeping only columns that are safe to write: the header row's cell already holds
 * that header, or is empty (a column the product adds).
 */
function usableColumns(sheet: SheetGrid, sheetName: string, columns: ProductColumns, headerRow: RowNumber): Map<string, ColumnNumber> {
  const usable = new Map<string, ColumnNumber>();
  const taken = new Set<ColumnNumber>();
  const mapped = new Map(Object.entries(columns.columns).map(([h, c]) => [normalizeName(h), c]));
  for (const header of PRODUCT_COLUMNS[sheetName] ?? []) {
    const col = mapped.get(normalizeName(header));
    if (col === undefined || !Number.isInteger(col) || col < 1 || taken.has(col)) continue;
    const headerText = normalizeName(textAt(sheet, headerRow, col));
    if (headerText !== '' && headerText !== normalizeName(header)) continue;
    usable.set(header, col);
    taken.add(col);
  }
  return usable;
}

/**
 * The rows of one product sheet with the cells the plan owns, made one at a time as the plan walks them:
 * collected for the whole workbook first, 100,000 rows' worth of short-lived objects outlived the young
 * generation and were copied by the garbage collector.
 */
function* ownedRows(sheetName: string, model: WorkbookModel, assessment: WorkbookAssessment): Generator<OwnedRow> {
  const mine = <T extends { workbookId: string | null; rowNumber: RowNumber | null }>(list: T[]) => {
    const byRow = new Map<RowNumber, T>();
    for (const a of list) {
      if ((a.workbookId === null || a.workbookId === model.workbookId) && a.rowNumber !== null) byRow.set(a.rowNumber, a);
    }
    return byRow;
  };
  const statusCells = (status: CellStyleKey & string, explanation: string): OwnedCell[] => [
    { header: METRIC_HEADERS.development, value: status, style: status, status: true },
    { header: METRIC_HEADERS.explanation, value: explanation, style: 'text', status: false },
  ];

  if (sheetName === SHEETS.metrics) {
    const metrics = mine(assessment.metrics);
    for (const m of model.metrics) {
      const a = metrics.get(m.rowNumber);
      if (a) yield owned(SHEETS.metrics, rowRef.metric(m), statusCells(a.status, a.explanation));
    }
  } else if (sheetName === SHEETS.indicators) {
    const indicators = mine(assessment.indicators);
    for (const i of model.indicators) {
      const a = indicators.get(i.rowNumber);
      if (a) yield owned(SHEETS.indicators, rowRef.indicator(i), statusCells(a.status, a.explanation));
    }
  } else if (sheetName === SHEETS.goalAreas) {
    const goalAreas = mine(assessment.goalAreas);
    for (const g of model.goalAreas) {
      const a = goalAreas.get(g.rowNumber);
      if (a) yield owned(SHEETS.goalAreas, rowRef.goalArea(g), statusCells(a.status, a.explanation));
    }
  } else if (sheetName === SHEETS.actionPlan) {
    const actions = mine(assessment.actions);
    for (const r of model.actions) {
      const a = actions.get(r.rowNumber);
      if (!a) continue;
      yield owned(SHEETS.actionPlan, rowRef.action(r), [{ header: ACTION_HEADERS.position, value: a.position ?? '', style: a.position ?? 'text', status: true }]);
    }
  }
}

/** Fields copied one by one: an object spread per row was a measurable part of planning 100,000 rows. */
function owned(sheet: string, ref: StateRowRef, cells: OwnedCell[]): OwnedRow {
  return { sheet, rowNumber: ref.rowNumber, identity: ref.identity, subject: ref.subject, cells };
}

function textAt(sheet: SheetGrid, rowNumber: RowNumber, columnNumber: ColumnNumber): string {
  return cellText(sheet.rows[rowNumber - 1]?.[columnNumber - 1]);
}

/**
 * The cell already holds `target` (trimmed) as the parser would read it. Compared as stored first: an unchanged
 * Förklaring is the common case, and reading both sides with their no-break spaces is only needed when they differ.
 * A formula never holds it, whatever its result: the product writes none, so it replaces a person's.
 */
function holds(cell: CellInput | null | undefined, target: string): boolean {
  if (!cell) return target === '';
  if (cell.formula !== undefined) return false;
  if (typeof cell.value === 'string' && cell.value === target && !cell.formula && !cell.date && !cell.error) return true;
  return cellText(cell) === cellText({ value: target });
}
