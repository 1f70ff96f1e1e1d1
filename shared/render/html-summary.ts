/**
 * SummaryDocument → one self-contained, printable HTML file (lang="sv", real tables, inline SVG
 * charts, A4 print stylesheet, no external resources). Status cells carry their word and colour.
 * @module
 */
import { PALETTE, type SummaryBlock, type SummaryCell, type SummaryDocument } from '../engine/index.ts';
import { renderChartSvg, CHART_FONT } from './chart-svg.ts';
import { esc } from './svg-util.ts';

const STYLE = `
:root { color: #1a1a1a; background: #fff; }
body { font-family: ${CHART_FONT}; font-size: 11pt; line-height: 1.45; margin: 0; }
main { max-width: 70rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #555; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .4rem; }
.overall { display: flex; gap: 1rem; align-items: center; font-size: 1.3rem; margin: 1rem 0; }
.overall dt { font-weight: bold; }
.overall dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #${PALETTE.header.fill}; color: #${PALETTE.header.font}; }
tbody th { font-weight: normal; }
td.num { text-align: right; white-space: nowrap; }
.status { font-weight: bold; white-space: nowrap; }
span.status { display: inline-block; padding: .1rem .45rem; border-radius: .2rem; margin-right: .4rem; }
ul.items { padding-left: 0; list-style: none; }
ul.items li { margin: .35rem 0; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .9rem; }
ol.footnotes { font-size: .9rem; border-top: 1px solid #8a8a8a; padding-top: .4rem; }
a { color: inherit; text-decoration: underline; }
sup a { font-weight: normal; }
footer { margin-top: 2rem; font-size: .9rem; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, figure, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * The content hash in the page's head, as the summary workbook holds it in its state: a page that does not carry
 * the workbook's hash (a run interrupted between writing the two) is written again by the next run.
 */
export const CONTENT_HASH_META = 'malkoll-content-hash';

export function renderSummaryHtml(doc: SummaryDocument): string {
  return [...renderSummaryHtmlParts(doc)].join('');
}

/** The same page a block at a time, for writing it to a file without holding it all as one string. */
export function* renderSummaryHtmlParts(doc: SummaryDocument): Generator<string> {
  const title = doc.blocks.find((b) => b.kind === 'title')?.text ?? 'Sammanfattning';
  yield [
    '<!DOCTYPE html>',
    '<html lang="sv">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="${CONTENT_HASH_META}" content="${esc(doc.contentHash)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '',
  ].join('\n');
  for (const [i, b] of doc.blocks.entries()) {
    if (i > 0) yield '\n';
    yield* blockParts(b, i === doc.blocks.length - 1);
  }
  yield ['', '</main>', '</body>', '</html>', ''].join('\n');
}

/** A block's HTML; a table or list a row at a time (a large set's tables have thousands). */
function* blockParts(b: SummaryBlock, last: boolean): Generator<string> {
  if (b.kind === 'table') {
    yield tableHead(b);
    for (const row of b.rows) yield tableRow(row);
    yield '</tbody></table>';
  } else if (b.kind === 'list') {
    yield '<ul class="items">';
    for (const item of b.items) yield listItem(item);
    yield '</ul>';
  } else {
    yield block(b, last);
  }
}

function block(b: SummaryBlock, last: boolean): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${esc(b.text)}</h1>`;
    case 'heading': {
      const id = b.id ? ` id="${esc(b.id)}"` : '';
      return `<h${b.level}${id}>${esc(b.text)}</h${b.level}>`;
    }
    case 'paragraph':
      return last ? `<footer><p>${esc(b.text)}</p></footer>` : `<p>${esc(b.text)}</p>`;
    case 'keyValue':
      return `<dl class="overall"><dt>${esc(b.label)}</dt><dd>${badge(b.value, 'span')}</dd></dl>`;
    case 'table':
      return table(b);
    case 'list':
      return `<ul class="items">${b.items.map(listItem).join('')}</ul>`;
    case 'chart':
      return `<figure>${renderChartSvg(b.chart)}</figure>`;
    case 'footnotes':
      return `<ol class="footnotes" aria-label="Fotnoter">${b.items
        .map((f) => `<li id="fn-${f.number}" value="${f.number}">${esc(f.text)}</li>`)
        .join('')}</ol>`;
  }
}

function colours(cell: SummaryCell): string {
  if (!cell.style) return '';
  const c = PALETTE[cell.style];
  const fill = c.fill ? `background-color:#${c.fill};` : '';
  return ` style="${fill}color:#${c.font}"`;
}

function ref(cell: SummaryCell): string {
  return cell.footnote === undefined
    ? ''
    : `<sup><a href="#fn-${cell.footnote}" aria-label="Fotnot ${cell.footnote}">${cell.footnote}</a></sup>`;
}

function badge(cell: SummaryCell, tag: 'span'): string {
  const cls = cell.style && cell.style !== 'text' ? ' class="status"' : '';
  return `<${tag}${cls}${colours(cell)}>${esc(cell.text)}${ref(cell)}</${tag}>`;
}

function td(cell: SummaryCell): string {
  const classes = [cell.style && cell.style !== 'text' ? 'status' : '', cell.number !== undefined ? 'num' : '']
    .filter(Boolean)
    .join(' ');
  return `<td${classes ? ` class="${classes}"` : ''}${colours(cell)}>${esc(cell.text)}${ref(cell)}</td>`;
}

function listItem(item: SummaryCell): string {
  return `<li>${item.style ? `${badge({ text: item.style, style: item.style }, 'span')} ` : ''}${esc(item.text)}${ref(item)}</li>`;
}

type TableBlock = Extract<SummaryBlock, { kind: 'table' }>;

function table(b: TableBlock): string {
  return `${tableHead(b)}${b.rows.map(tableRow).join('')}</tbody></table>`;
}

function tableHead(b: TableBlock): string {
  return `<table><caption>${esc(b.caption)}</caption><thead><tr>${b.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>`;
}

function tableRow(row: SummaryCell[]): string {
  const [first, ...rest] = row;
  const firstCell = first && first.text.trim() !== '' && !first.style ? `<th scope="row">${esc(first.text)}${ref(first)}</th>` : td(first ?? { text: '' });
  return `<tr>${firstCell}${rest.map(td).join('')}</tr>`;
}
