/**
 * The part of xlsx-populate 1.21 (no bundled types) this adapter uses. Fields starting with `_` are the
 * library's internals; the version is pinned and unmaintained since 2020, so they do not move.
 */
declare module 'xlsx-populate' {
  export interface FormulaError {
    error(): string;
  }
  export interface RichText {
    text(): string;
  }
  export type CellValue = string | number | boolean | FormulaError | RichText | undefined;

  export interface Style {
    id(): number;
    style(name: string): unknown;
    style(name: string, value: unknown): Style;
  }

  export interface Cell {
    value(): CellValue;
    value(value: string | number | boolean | null): Cell;
    formula(): string | undefined;
    style(name: string): unknown;
    style(styles: Record<string, unknown>): Cell;
    style(style: Style): Cell;
    columnNumber(): number;
    rowNumber(): number;
    /** internal: the cell's xf index in styles.xml */
    _styleId?: number;
  }

  export interface Row {
    cell(column: number): Cell;
    hidden(): boolean;
    hasCell(column: number): boolean;
    maxUsedColumnNumber(): number;
    rowNumber(): number;
  }

  export interface Column {
    width(width: number): Column;
  }

  export interface Sheet {
    name(): string;
    hidden(): boolean | 'very';
    hidden(hidden: boolean | 'very'): Sheet;
    cell(row: number, column: number): Cell;
    row(rowNumber: number): Row;
    column(column: number | string): Column;
    forEachExistingRow(callback: (row: Row, rowNumber: number) => void): Sheet;
    /** internal: the sheet's `<mergeCell ref="A2:A5">` entries, keyed by their ref */
    _mergeCells: Record<string, unknown>;
  }

  export interface StyleSheet {
    createStyle(sourceId?: number): Style;
    /** internal: `<fonts>` as xlsx-populate's node tree */
    _fontsNode: XmlNode;
  }

  export interface XmlNode {
    name: string;
    attributes: Record<string, string | number>;
    children: (XmlNode | string | number)[];
  }

  export interface Workbook {
    sheets(): Sheet[];
    sheet(nameOrIndex: string | number): Sheet | undefined;
    addSheet(name: string, indexOrBeforeSheet?: number | string | Sheet): Sheet;
    deleteSheet(sheet: string | number | Sheet): Workbook;
    activeSheet(): Sheet;
    styleSheet(): StyleSheet;
    outputAsync(): Promise<Uint8Array>;
    toFileAsync(path: string): Promise<void>;
  }

  interface XlsxPopulateStatic {
    fromDataAsync(data: Uint8Array | ArrayBuffer, opts?: { password?: string }): Promise<Workbook>;
    fromBlankAsync(): Promise<Workbook>;
    fromFileAsync(path: string, opts?: { password?: string }): Promise<Workbook>;
    FormulaError: new (error: string) => FormulaError;
    RichText: new () => RichText;
  }
  const XlsxPopulate: XlsxPopulateStatic;
  export default XlsxPopulate;
}

declare module 'xlsx-populate/lib/Cell.js' {
  const Cell: { prototype: { toXml(): import('xlsx-populate').XmlNode } };
  export default Cell;
}
