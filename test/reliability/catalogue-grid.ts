/**
 * The engine-level half of the bad-input catalogue: one baseline workbook with three good metric rows
 * (rows 2–4) and, per case, one variant of it. Cases are data; bad-input-catalogue.test.ts runs each
 * through the real pipeline (recalculate) and checks where the message lands.
 */
import type { WorkbookGrid } from '../../shared/engine/model/grid.ts';
import type { Status } from '../../shared/engine/model/model.ts';
import { GOAL, INDICATOR, date, err, pct, sheet, standardWorkbook, uncached, workbook, type Plain } from '../engine/grid-builder.ts';

export const HEADERS = [
  'Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2024', 'Utfall 2025', 'Manuell bedömning', 'Motivering',
  'Bedömningsår', 'Målvärde', 'Basvärde', 'Årlig förändring', 'Tolerans', 'Tolerans (absolut)', 'Följs upp t.o.m.', 'Anteckning',
];

/** The good rows and the status domain.md §4 gives each (rule 7, default tolerance 0,5 %). */
export const GOOD: { row: number; name: string; status: Status; cells: Plain[] }[] = [
  { row: 2, name: 'Resor', status: 'Positiv', cells: [GOAL, INDICATOR, 'Resor', 'ton', 'Minska', 100, 90] }, // −10 % the desired way
  { row: 3, name: 'Energi', status: 'Negativ', cells: [GOAL, INDICATOR, 'Energi', 'MWh', 'Öka', 100, 90] }, // −10 % the wrong way
  { row: 4, name: 'Avfall', status: 'Oförändrad', cells: [GOAL, INDICATOR, 'Avfall', 'ton', 'Minska', 100, 100] },
];
export const BAD_ROW = 5;

const BAD_DEFAULTS: Record<string, Plain> = {
  Målområde: GOAL, Indikator: INDICATOR, Mätetal: 'Felraden', Enhet: 'st', Riktning: 'Öka', 'Utfall 2024': 10, 'Utfall 2025': 12,
};

/** The fifth row: a valid metric (10 → 12, Öka: Positiv) except for the cells given. */
export function badRow(cells: Record<string, Plain>, headers = HEADERS): Plain[] {
  return headers.map((h) => (h in cells ? cells[h] : (BAD_DEFAULTS[h] ?? null)));
}

/** `Inställningar` with the organisation and the year; a row naming one of those replaces it. */
export function settingsSheet(rows: Plain[][] = []) {
  const defaults: Plain[][] = [['Organisation', 'Region Test'], ['Redovisningsår', 2025]];
  const kept = defaults.filter((d) => !rows.some((r) => r[0] === d[0]));
  return sheet('Inställningar', [['Inställning', 'Värde'], ...kept, ...rows]);
}

export function baseline(extraRows: Plain[][] = [], headers = HEADERS, settingsRows: Plain[][] = []): WorkbookGrid {
  return standardWorkbook([headers, ...GOOD.map((g) => g.cells), ...extraRows], [settingsSheet(settingsRows)]);
}

/** Where the user sees the message: the row's Förklaring (and then also the summary), or only the summary. */
export type Where = { row: number; status?: Status } | 'summary' | 'nowhere';

export interface GridCase {
  group: string;
  name: string;
  grids: () => WorkbookGrid[];
  where: Where;
  message: RegExp;
  /** further Datakvalitet messages this case may cause (nothing else may appear) */
  also?: RegExp[];
  /** rows of GOOD that keep their status; default all */
  goodRows?: number[];
  /** the indicator and goal area keep the baseline's statuses (default true) */
  aggregatesKept?: boolean;
}

const row = (group: string, name: string, cells: Record<string, Plain>, message: RegExp, status: Status = 'Fel', extra: Partial<GridCase> = {}): GridCase => ({
  group, name, grids: () => [baseline([badRow(cells)])], where: { row: BAD_ROW, status }, message, ...extra,
});
const outcome = (name: string, value: Plain, message: RegExp) => row('värdetolkning', name, { 'Utfall 2025': value }, message);
const accepted = (name: string, cells: Record<string, Plain>, status: Status, message: RegExp) =>
  row('godtagna former', name, cells, message, status, { also: [] });
const withSheets = (f: (g: WorkbookGrid) => void) => () => {
  const g = baseline();
  f(g);
  return [g];
};
const setting = (name: string, rows: Plain[][], message: RegExp, also: RegExp[] = []): GridCase => ({
  group: 'inställningar', name, grids: () => [baseline([], HEADERS, rows)], where: 'summary', message, also,
});
const header = (name: string, headers: string[], message: RegExp, extra: Partial<GridCase> = {}): GridCase => ({
  group: 'rubriker', name, grids: () => [standardWorkbook([headers, ...GOOD.map((g) => g.cells)], [settingsSheet()])], where: 'summary', message, ...extra,
});
const rename = (from: string, to: string) => withSheets((g) => {
  const s = g.sheets.find((x) => x.name === from)!;
  s.name = to;
});
const ALL_FEL = { goodRows: [], aggregatesKept: false };

export const GRID_CASES: GridCase[] = [
  // värdetolkning: an outcome that cannot be read is an error on its row, never skipped for an older year
  outcome('två tal i en cell', '12 / 15', /Utfall 2025: '12 \/ 15' innehåller två tal/),
  outcome('intervall', '12-15', /innehåller två tal/),
  outcome('ord i stället för tal', 'ca 40', /'ca 40' kan inte läsas som ett tal/),
  outcome('två decimaltecken', '12,5.3', /'12,5\.3' kan inte läsas som ett tal/),
  outcome('#DIV/0! som cellfel', err('#DIV/0!'), /kalkylbladsfel '#DIV\/0!'/),
  outcome('#REF! som cellfel', err('#REF!'), /kalkylbladsfel '#REF!'/),
  outcome('#N/A som cellfel', err('#N/A'), /kalkylbladsfel '#N\/A'/),
  outcome('#VALUE! inskrivet som text', '#VALUE!', /kalkylbladsfel '#VALUE!'/),
  outcome('formel utan sparat resultat', uncached('G4+2'), /formeln saknar sparat resultat \('=G4\+2'\)/),
  outcome('datum där ett tal ska stå', date('2025-03-01'), /ett datum \('2025-03-01'\) där ett tal ska stå/),
  outcome('datum som text', '2025-03-01', /ett datum \('2025-03-01'\)/),
  outcome('svenskt datum som text', '1/3/2025', /ett datum/),
  outcome('sanningsvärde', true, /ett sanningsvärde \(SANT\) där ett tal ska stå/),
  outcome('procent i ett st-mätetal', '40 %', /procent \('40 %'\) i ett mätetal med enheten st/),
  outcome('50 000 tecken text', 'a'.repeat(50_000), /'a{39}…' kan inte läsas som ett tal \(för lång text\)/),
  outcome('oändligt tal', Number.POSITIVE_INFINITY, /'Infinity' är inte ett tal/),
  row('värdetolkning', 'Basvärde som ord', { Basvärde: 'mycket', Målvärde: 5 }, /Basvärde: 'mycket' kan inte läsas som ett tal/),
  row('värdetolkning', 'Målvärde som ord', { Målvärde: 'hög' }, /Målvärde: 'hög' kan inte läsas som ett tal/),
  row('värdetolkning', 'relativt Målvärde utan Basvärde', { Målvärde: '−50 %' }, /'−50 %' är en förändring från Basvärde, men Basvärde saknas/),
  row('värdetolkning', 'Målvärde-ord mot Riktning', { Målvärde: 'Minska' }, /Målvärde 'Minska' stämmer inte med Riktning 'Öka'/),
  row('värdetolkning', 'Årlig förändring mot Riktning', { 'Årlig förändring': '-2 %' }, /Årlig förändring '-2 %' går emot Riktning 'Öka'/),
  row('värdetolkning', 'Följs upp t.o.m. inte ett år', { 'Följs upp t.o.m.': 'snart' }, /Följs upp t\.o\.m\.: 'snart' är inte ett årtal/),
  row('värdetolkning', 'okänd Riktning', { Riktning: 'Uppåt' }, /Riktning 'Uppåt' känns inte igen – använd 'Öka', 'Minska', 'Kvalitativ'/),
  row('värdetolkning', 'Riktning saknas', { Riktning: null }, /Riktning saknas/),
  row('värdetolkning', 'tolerans som ord', { Tolerans: 'x' }, /ogiltig tolerans: 'x' kan inte läsas som ett tal/),
  row('värdetolkning', 'negativ tolerans', { Tolerans: '-1 %' }, /ogiltig tolerans '-1 %': får inte vara negativ/),
  // a number cell is quoted as a Swedish spreadsheet shows it (issue 17 E.18): '−3', not String(-3)
  row('värdetolkning', 'negativ absolut tolerans', { 'Tolerans (absolut)': -3 }, /ogiltig tolerans \(absolut\) '−3': får inte vara negativ/),

  // godtagna former: read as numbers, assessed, no message
  accepted('tusentalsavgränsare och decimalkomma', { 'Utfall 2024': '1 200,5', 'Utfall 2025': '1\u00a0234,5' }, 'Positiv', /1 234,5 st \(2025\) mot 1 200,5 st \(2024\)/),
  accepted('minus U+2212 och enhet', { Riktning: 'Minska', 'Utfall 2024': '−1 kg', 'Utfall 2025': '−2 kg', Enhet: 'kg' }, 'Positiv', /−2 kg \(2025\)/),
  accepted('procentformat och procenttext i samma rad', { Enhet: '%', 'Utfall 2024': pct(0.369), 'Utfall 2025': '36,9 %' }, 'Oförändrad', /36,9 % \(2025\) mot 36,9 % \(2024\)/),
  accepted('enhet utan mellanslag', { 'Utfall 2024': '150st', 'Utfall 2025': '152st' }, 'Positiv', /152 st \(2025\) mot 150 st \(2024\)/),
  accepted('ingen-värde-tecken är tomt', { 'Utfall 2025': '..' }, 'Inget värde', /Utfall 2025 saknas/),
  { ...accepted('fotnotsmarkering', { 'Utfall 2025': '93*' }, 'Positiv', /Fotnotsmarkering i Utfall 2025 ignorerad/) },
  { ...accepted('formel med sparat resultat', { 'Utfall 2025': { value: 12, formula: 'G4+2' } }, 'Positiv', /12 st \(2025\) mot 10 st \(2024\)/) },
  { ...accepted('manuell rapportform Positivt', { 'Manuell bedömning': 'positivt', Motivering: 'Nivån hölls' }, 'Positiv', /Manuell bedömning → Positiv.*Motivering: Nivån hölls/), also: [/Manuell bedömning Positiv/] },

  // rubriker
  header('obligatorisk rubrik saknas', HEADERS.filter((h) => h !== 'Riktning'), /Kolumnen 'Riktning' saknas i bladet Mätetal/, ALL_FEL),
  header('felstavad rubrik med förslag', HEADERS.map((h) => (h === 'Riktning' ? 'Riktnig' : h)), /Kolumnen 'Riktning' saknas i bladet Mätetal \(rubriken 'Riktnig' känns inte igen – menade du 'Riktning'\?\)/, {
    ...ALL_FEL, also: [/Rubriken 'Riktnig' känns inte igen – menade du 'Riktning'\?/],
  }),
  header('felstavad årsrubrik med förslag', [...HEADERS, 'Utfal 2023'], /Rubriken 'Utfal 2023' känns inte igen – menade du 'Utfall 2023'\?/),
  {
    group: 'rubriker', name: 'dubblerad rubrik med olika värden',
    grids: () => [standardWorkbook([[...HEADERS, 'Utfall 2025'], ...GOOD.map((g) => [...g.cells, ...Array(10).fill(null), g.cells[6]!]), [...badRow({}), 99]], [settingsSheet()])],
    where: { row: BAD_ROW }, message: /Utfall 2025 finns i flera kolumner \(G, R\) med olika värden/, also: [/Rubriken 'Utfall 2025' finns i flera kolumner \(G, R\) – bara kolumn G används/],
  },
  { ...header('rubrik med annan skiftläge och mellanslag', HEADERS.map((h) => (h === 'Riktning' ? '  RIKTNING ' : h)), /x^/), where: 'nowhere' },

  // blad
  { group: 'blad', name: 'Mätetal saknas', grids: withSheets((g) => g.sheets.splice(2, 1)), where: 'summary', message: /Bladet 'Mätetal' saknas i arbetsboken/, goodRows: [], aggregatesKept: false },
  { group: 'blad', name: 'Mätetal har bytt namn', grids: rename('Mätetal', 'Matetal'), where: 'summary', message: /bladet 'Matetal' kanske har bytt namn\? Döp om det till 'Mätetal'/, goodRows: [], aggregatesKept: false },
  { group: 'blad', name: 'Målområden saknas', grids: withSheets((g) => g.sheets.splice(0, 1)), where: 'summary', message: /Bladet 'Målområden' saknas i arbetsboken/, aggregatesKept: false },
  { group: 'blad', name: 'bladnamn med annan skiftläge', grids: rename('Mätetal', ' mätetal '), where: 'nowhere', message: /x^/ },
  { group: 'blad', name: 'tom arbetsbok bredvid en bra', grids: () => [baseline(), workbook([], null, 'tom.xlsx')], where: 'summary', message: /tom.*Bladet 'Mätetal' saknas i arbetsboken/, also: [/Bladet '(Målområden|Indikatorer)' saknas/] },

  // inställningar
  setting('Redovisningsår som ord', [['Redovisningsår', 'tjugofem']], /Redovisningsår: 'tjugofem' är inte ett årtal/),
  setting('Redovisningsår 1850', [['Redovisningsår', 1850]], /Redovisningsår: '1850' är inte ett årtal \(ÅÅÅÅ, 1990–2100\)/),
  setting('Tolerans som ord', [['Tolerans', 'mycket']], /Tolerans: ogiltig tolerans: 'mycket' kan inte läsas som ett tal/),
  setting('negativ Tolerans', [['Tolerans', '-1 %']], /ogiltig tolerans '-1 %': får inte vara negativ/),
  setting('Gräns som ord', [['Gräns för samlad bedömning', 'hög']], /Gräns för samlad bedömning: 'hög' kan inte läsas som ett tal/),
  setting('Gräns över 1', [['Gräns för samlad bedömning', 2]], /'2' måste vara ett tal mellan 0 och 1/),
  setting('felstavad inställning', [['Toleranss', '1 %']], /Inställningen 'Toleranss' känns inte igen – menade du 'Tolerans'\?/),
  setting('samlad bedömning utan motivering', [['Manuell samlad bedömning', 'Positiv']], /Manuell bedömning saknar motivering/),

  // referenser
  row('referenser', 'okänt målområde', { Målområde: 'Okänt' }, /Målområdet 'Okänt' finns inte i bladet Målområden/),
  row('referenser', 'okänd indikator', { Indikator: 'Okänd' }, /Indikatorn 'Okänd' finns inte i bladet Indikatorer under målområdet 'Minskad klimatpåverkan'/),
  row('referenser', 'indikator under fel målområde', { Indikator: 'Hälsa' }, /Indikatorn 'Hälsa' finns inte i bladet Indikatorer under målområdet/),
  row('referenser', 'Målområde tomt (ett skäl, inte två)', { Målområde: null }, /^Fel: Målområde saknas$/),
  row('referenser', 'dubblett av mätetal', { Mätetal: 'Resor' }, /Dubblett av rad 2/),
  {
    group: 'referenser', name: 'dubblett av indikator',
    grids: withSheets((g) => g.sheets[1]!.rows.push(g.sheets[1]!.rows[1]!)), where: 'summary', message: /Dubblett av rad 2/,
  },
  {
    group: 'referenser', name: 'dubblett av målområde (inte en konflikt mellan arbetsböcker)',
    grids: withSheets((g) => g.sheets[0]!.rows.push([{ value: GOAL }, { value: 'annan text' }])), where: 'summary', message: /Dubblett av rad 2/,
  },

  // manuella bedömningar
  row('manuell bedömning', 'okänt ord', { 'Manuell bedömning': 'Bra' }, /Manuell bedömning 'Bra' känns inte igen – använd 'Positiv', 'Oförändrad', 'Negativ', 'Inget värde'/),
  row('manuell bedömning', 'saknar motivering', { 'Manuell bedömning': 'Negativ' }, /Manuell bedömning saknar motivering/),
  row('manuell bedömning', 'Bedömningsår inte ett år', { 'Manuell bedömning': 'Positiv', Motivering: 'ok', Bedömningsår: 'i fjol' }, /Bedömningsår: 'i fjol' är inte ett årtal/),
  { ...row('manuell bedömning', 'inaktuell (gammalt Bedömningsår)', { 'Manuell bedömning': 'Negativ', Motivering: 'x', Bedömningsår: 2023 }, /Manuell bedömning från 2023 gäller inte redovisningsåret 2025/, 'Positiv'), where: 'summary' },

  // cellinnehåll
  {
    group: 'cellinnehåll', name: 'anteckningsrad med utfall',
    grids: () => [baseline([badRow({ Målområde: null, Indikator: null, Mätetal: null, Enhet: null, Riktning: null, 'Utfall 2024': null, 'Utfall 2025': 123 })])],
    where: 'summary', message: /Rad 5 saknar Mätetal men har utfall – den räknas inte/,
  },
  {
    group: 'cellinnehåll', name: 'text i Utveckling',
    grids: () => [standardWorkbook([[...HEADERS, 'Utveckling'], [...GOOD[0]!.cells, ...Array(10).fill(null), 'Bra!'], ...GOOD.slice(1).map((g) => g.cells)], [settingsSheet()])],
    where: 'summary', message: /Texten 'Bra!' i Utveckling rad 2 skrevs av en person – använd Manuell bedömning/,
  },
  {
    group: 'cellinnehåll', name: '50 000 tecken i en egen kolumn', grids: () => [baseline([badRow({ Anteckning: 'ö'.repeat(50_000) })])],
    where: { row: BAD_ROW, status: 'Positiv' }, message: /12 st \(2025\) mot 10 st \(2024\)/, also: [],
  },
  { group: 'cellinnehåll', name: 'dolda rader bedöms ändå', grids: withSheets((g) => (g.sheets[2]!.hiddenRows = [2, 3])), where: 'nowhere', message: /x^/ },
  { group: 'cellinnehåll', name: 'helt tom arbetsbok ensam', grids: () => [workbook([], null, 'tom.xlsx')], where: 'summary', message: /Bladet 'Mätetal' saknas/, also: [/Bladet '(Målområden|Indikatorer)' saknas/], goodRows: [], aggregatesKept: false },
];
