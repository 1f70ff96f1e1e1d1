/**
 * Random template-shaped workbooks written as raw XML, with what real files carry and libraries tend to
 * change: text that looks like a number, empty text cells, rich text, inline and shared strings, shared and
 * array formulas with cached results, dates, booleans, error values, merged cells, rows and cells without `r`,
 * an `x:` namespace prefix, and zip entries with data descriptors. For the patching property test.
 */
import fc from 'fast-check';
import { buildZip } from '../../support/zip-builder.ts';

export type ExtraCell =
  | { kind: 'text'; text: string; inline: boolean }
  | { kind: 'empty-text'; inline: boolean }
  | { kind: 'rich' }
  | { kind: 'date' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; value: string }
  | { kind: 'number'; value: number }
  | null;

export interface GeneratedOptions {
  prefix: '' | 'x:';
  descriptors: boolean;
  extraColumns: number;
  metrics: { direction: 'Öka' | 'Minska'; a: number | string; b: number | string; extras: ExtraCell[]; omitRowRef: boolean; typed: string | null }[];
  notes: { text: string; extras: ExtraCell[]; omitRowRef: boolean }[];
  omitCellRefs: boolean;
  sharedFormula: boolean;
  arrayFormula: boolean;
  merge: boolean;
  styledProductCells: boolean;
  /** a macro-enabled workbook (.xlsm) with this VBA project, its workbook part at `workbookPart` */
  macros?: { vba: Uint8Array; workbookPart: string };
}

/** Text people type that a careless reader turns into numbers. */
const NUMBER_LIKE = ['161', '0', '00123', '1e5', ' 42 ', '1', '3,14', '−2'];

const extraCell: fc.Arbitrary<ExtraCell> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), text: fc.constantFrom(...NUMBER_LIKE, 'Källa: SCB', 'a & b <c>', '_x0041_ bokstavligt'), inline: fc.boolean() }),
  fc.record({ kind: fc.constant('empty-text' as const), inline: fc.boolean() }),
  fc.constant({ kind: 'rich' as const }),
  fc.constant({ kind: 'date' as const }),
  fc.record({ kind: fc.constant('bool' as const), value: fc.boolean() }),
  fc.record({ kind: fc.constant('error' as const), value: fc.constantFrom('#DIV/0!', '#N/A', '#REF!') }),
  fc.record({ kind: fc.constant('number' as const), value: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) }),
  fc.constant(null),
);

const outcome: fc.Arbitrary<number | string> = fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('161', '1 234,5', '00123'));

export const generatedOptions: fc.Arbitrary<GeneratedOptions> = fc.integer({ min: 0, max: 3 }).chain((extraColumns) =>
  fc.record({
    prefix: fc.constantFrom('' as const, 'x:' as const),
    descriptors: fc.boolean(),
    extraColumns: fc.constant(extraColumns),
    metrics: fc.array(
      fc.record({
        direction: fc.constantFrom('Öka' as const, 'Minska' as const),
        a: outcome,
        b: outcome,
        extras: fc.array(extraCell, { minLength: extraColumns, maxLength: extraColumns }),
        omitRowRef: fc.boolean(),
        typed: fc.option(fc.constantFrom('Bra!', '161', 'klart'), { nil: null, freq: 4 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    notes: fc.array(fc.record({ text: fc.constantFrom('Not: siffror från 2024', 'Summa'), extras: fc.array(extraCell, { minLength: extraColumns, maxLength: extraColumns }), omitRowRef: fc.boolean() }), { maxLength: 2 }),
    omitCellRefs: fc.boolean(),
    sharedFormula: fc.boolean(),
    arrayFormula: fc.boolean(),
    merge: fc.boolean(),
    styledProductCells: fc.boolean(),
  }),
);

/** A small fixed workbook: three metrics (two Positiv, one Negativ), one extra column holding the text '161'. */
export const SIMPLE: GeneratedOptions = {
  prefix: '',
  descriptors: false,
  extraColumns: 1,
  metrics: [
    { direction: 'Öka', a: 100, b: 120, extras: [{ kind: 'text', text: '161', inline: false }], omitRowRef: false, typed: null },
    { direction: 'Minska', a: 100, b: 120, extras: [null], omitRowRef: false, typed: null },
    { direction: 'Öka', a: 50, b: 60, extras: [null], omitRowRef: false, typed: null },
  ],
  notes: [],
  omitCellRefs: false,
  sharedFormula: false,
  arrayFormula: false,
  merge: false,
  styledProductCells: false,
};

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** cellXfs: 0 default, 1 date, 2 percent, 3 bordered (the product's columns, when styled) */
const XF = { date: 1, percent: 2, bordered: 3 };

export const METRIC_SHEET_PART = 'xl/worksheets/sheet3.xml';
/** Product columns by sheet part: Målområden C–D, Indikatorer D–E, Mätetal H–I. */
export const PRODUCT_COLUMNS: Record<string, string[]> = {
  'xl/worksheets/sheet1.xml': ['C', 'D'],
  'xl/worksheets/sheet2.xml': ['D', 'E'],
  [METRIC_SHEET_PART]: ['H', 'I'],
};

type Cell = { xml: (ref: string | null) => string } | null;

export function generatedWorkbook(o: GeneratedOptions): Buffer {
  const p = o.prefix;
  const sst: string[] = [];
  const shared = (item: string) => sst.push(item) - 1;
  const el = (name: string, attrs: string, inner: string | null) => (inner === null ? `<${p}${name}${attrs}/>` : `<${p}${name}${attrs}>${inner}</${p}${name}>`);
  const r = (ref: string | null) => (ref === null ? '' : ` r="${ref}"`);
  const text = (value: string, inline = false): Cell => ({
    xml: (ref) => {
      const t = el('t', /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '', escape(value));
      return inline ? el('c', `${r(ref)} t="inlineStr"`, el('is', '', t)) : el('c', `${r(ref)} t="s"`, el('v', '', String(shared(el('si', '', t)))));
    },
  });
  const number = (value: number, style = 0): Cell => ({ xml: (ref) => el('c', `${r(ref)}${style ? ` s="${style}"` : ''}`, el('v', '', String(value))) });
  const value = (v: number | string): Cell => (typeof v === 'number' ? number(v) : text(v));
  const extra = (e: ExtraCell): Cell => {
    if (e === null) return null;
    switch (e.kind) {
      case 'text':
        return text(e.text, e.inline);
      case 'empty-text':
        return { xml: (ref) => (e.inline ? el('c', `${r(ref)} t="inlineStr"`, el('is', '', el('t', '', ''))) : el('c', `${r(ref)} t="s"`, el('v', '', String(shared(el('si', '', el('t', '', null))))))) };
      case 'rich':
        return { xml: (ref) => el('c', `${r(ref)} t="s"`, el('v', '', String(shared(el('si', '', el('r', '', el('rPr', '', el('b', '', null)) + el('t', '', 'Fet')) + el('r', '', el('t', ' xml:space="preserve"', ' och vanlig'))))))) };
      case 'date':
        return number(45658, XF.date);
      case 'bool':
        return { xml: (ref) => el('c', `${r(ref)} t="b"`, el('v', '', e.value ? '1' : '0')) };
      case 'error':
        return { xml: (ref) => el('c', `${r(ref)} t="e"`, el('v', '', e.value)) };
      case 'number':
        return number(e.value);
    }
  };

  const metricHeaders = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2024', 'Utfall 2025', 'Utveckling', 'Förklaring'];
  const extraHeaders = ['Källa', 'Kommentar', 'Intern kod'].slice(0, o.extraColumns);
  const formulaColumn = metricHeaders.length + o.extraColumns + 1;
  const arrayColumn = formulaColumn + (o.sharedFormula ? 1 : 0);
  const headerRow: Cell[] = [...metricHeaders, ...extraHeaders, ...(o.sharedFormula ? ['Dubbelt'] : []), ...(o.arrayFormula ? ['Summa'] : [])].map((h) => text(h));
  const productCell = (typed: string | null): Cell => {
    if (typed !== null) return text(typed);
    return o.styledProductCells ? { xml: (ref) => el('c', `${r(ref)} s="${XF.bordered}"`, null) } : null;
  };
  const last = o.metrics.length + 1;
  const metricRows: Cell[][] = o.metrics.map((m, i) => {
    const row = i + 2;
    const cells: Cell[] = [
      text('Klimat'),
      text('Utsläpp'),
      text(`Mätetal ${i + 1}`),
      text('ton'),
      text(m.direction),
      value(m.a),
      value(m.b),
      productCell(m.typed),
      o.styledProductCells ? productCell(null) : null,
      ...m.extras.map(extra),
    ];
    if (o.sharedFormula) {
      cells.push({
        xml: (ref) =>
          el('c', r(ref), (row === 2 ? el('f', ` t="shared" ref="${col(formulaColumn)}2:${col(formulaColumn)}${last}" si="0"`, 'F2*2') : el('f', ' t="shared" si="0"', null)) + el('v', '', String(typeof m.a === 'number' ? m.a * 2 : 0))),
      });
    }
    if (o.arrayFormula) cells.push(row === 2 ? { xml: (ref) => el('c', r(ref), el('f', ` t="array" ref="${col(arrayColumn)}2"`, 'SUM(F2:G2)') + el('v', '', '3')) } : null);
    return cells;
  });
  const noteRows: Cell[][] = o.notes.map((n) => [text(n.text), null, null, null, null, null, null, null, null, ...n.extras.map(extra)]);
  const metricSheet = sheetXml(p, [headerRow, ...metricRows, ...noteRows], [false, ...o.metrics.map((m) => m.omitRowRef), ...o.notes.map((n) => n.omitRowRef)], o.omitCellRefs, o.merge && o.notes.length > 0 ? `A${last + 1}:E${last + 1}` : null);

  const goalSheet = sheetXml(p, [[text('Målområde'), text('Hållbarhetsmål'), text('Utveckling'), text('Förklaring')], [text('Klimat'), text('Halverade utsläpp')]], [], o.omitCellRefs, null);
  const indicatorSheet = sheetXml(p, [[text('Målområde'), text('Indikator'), text('Målvärde 2030'), text('Utveckling'), text('Förklaring')], [text('Klimat'), text('Utsläpp'), text('Minska')]], [], o.omitCellRefs, null);
  const settingsSheet = sheetXml(p, [[text('Inställning'), text('Värde')], [text('Organisation'), text('Region Prov')], [text('Redovisningsår'), number(2025)]], [], o.omitCellRefs, null);
  const dashboard = sheetXml(p, [[text('Positiva'), { xml: (ref) => el('c', r(ref), el('f', '', 'COUNTIF(Mätetal!H:H,"Positiv")') + el('v', '', '0')) }]], [], false, null);

  const sheets = ['Målområden', 'Indikatorer', 'Mätetal', 'Inställningar', 'Översikt'];
  const book = o.macros?.workbookPart ?? 'xl/workbook.xml';
  const bookRels = `xl/_rels/${book.slice(3)}.rels`;
  const bookType = o.macros ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const vba = o.macros ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '';
  const vbaRel = o.macros ? '<Relationship Id="rId12" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>' : '';
  const parts: [string, string | Uint8Array][] = [
    ['[Content_Types].xml', `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${vba}<Override PartName="/${book}" ContentType="${bookType}"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`],
    ['_rels/.rels', `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${book}"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`],
    ['docProps/core.xml', `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Provare</dc:creator></cp:coreProperties>`],
    [book, `${HEAD}<${p}workbook xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}" xmlns:r="${RNS}"><${p}bookViews><${p}workbookView activeTab="2"/></${p}bookViews><${p}sheets>${sheets.map((s, i) => `<${p}sheet name="${s}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</${p}sheets><${p}definedNames><${p}definedName name="Utfallen" localSheetId="2">'Mätetal'!$F$2:$G$${last}</${p}definedName></${p}definedNames><${p}calcPr calcId="191029"/></${p}workbook>`],
    [bookRels, `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>${vbaRel}</Relationships>`],
    ['xl/worksheets/sheet1.xml', goalSheet],
    ['xl/worksheets/sheet2.xml', indicatorSheet],
    [METRIC_SHEET_PART, metricSheet],
    ['xl/worksheets/sheet4.xml', settingsSheet],
    ['xl/worksheets/sheet5.xml', dashboard],
    ['xl/styles.xml', stylesXml(p)],
  ];
  if (o.macros) parts.push(['xl/vbaProject.bin', o.macros.vba]);
  // the shared strings last: the sheets above filled the table
  parts.push(['xl/sharedStrings.xml', `${HEAD}<${p}sst xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}" count="${sst.length}" uniqueCount="${sst.length}">${sst.join('')}</${p}sst>`]);
  return buildZip(parts.map(([name, data], i) => ({ name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data, descriptor: o.descriptors && i % 2 === 0, stored: i === 2 })));

  function sheetXml(prefix: string, rows: Cell[][], omitRowRef: boolean[], omitCellRefs: boolean, merge: string | null): string {
    const body = rows
      .map((cells, i) => {
        const rowNumber = i + 1;
        let previous = 0;
        const xml = cells
          .map((cell, c) => {
            if (cell === null) return '';
            const ref = omitCellRefs && c === previous ? null : `${col(c + 1)}${rowNumber}`;
            previous = c + 1;
            return cell.xml(ref);
          })
          .join('');
        return el('row', omitRowRef[i] && i > 0 ? '' : ` r="${rowNumber}"`, xml);
      })
      .join('');
    const ns = `xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="${NS}" xmlns:r="${RNS}"`;
    const merges = merge ? el('mergeCells', ' count="1"', el('mergeCell', ` ref="${merge}"`, null)) : '';
    return `${HEAD}<${prefix}worksheet ${ns}>${el('dimension', ` ref="A1:${col(Math.max(...rows.map((x) => x.length)))}${rows.length}"`, null)}${el('sheetData', '', body)}${merges}</${prefix}worksheet>`;
  }
}

function stylesXml(p: string): string {
  const ns = `xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}"`;
  return (
    `${HEAD}<${p}styleSheet ${ns}><${p}numFmts count="1"><${p}numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></${p}numFmts>` +
    `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
    `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
    `<${p}borders count="2"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border><${p}border><${p}left style="thin"/><${p}right style="thin"/><${p}top style="thin"/><${p}bottom style="thin"/><${p}diagonal/></${p}border></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="4"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${p}xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><${p}xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></${p}cellXfs>` +
    `<${p}cellStyles count="1"><${p}cellStyle name="Normal" xfId="0" builtinId="0"/></${p}cellStyles></${p}styleSheet>`
  );
}

function col(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
