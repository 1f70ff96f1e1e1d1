import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../shared/engine/parse/workbook.ts';
import type { WorkbookSettings } from '../../shared/engine/model/model.ts';
import { pct, sheet, standardWorkbook, type Plain } from './grid-builder.ts';

function settingsOf(rows: Plain[][], header: Plain[] = ['Inställning', 'Värde']) {
  const model = parseWorkbook(standardWorkbook([['Målområde', 'Indikator', 'Mätetal', 'Riktning']], [sheet('Inställningar', [header, ...rows])]));
  return { settings: model.settings, issues: model.issues };
}

describe('Inställningar', () => {
  it('reads every setting', () => {
    const { settings, issues } = settingsOf([
      ['Organisation', 'Region Exempel'],
      ['redovisningsår', 2024],
      ['Tolerans', '1 %'],
      ['Gräns för samlad bedömning', '0,4'],
      ['Sammanfattning delas med', 'anna@region.se, grupp: ledning@region.se;\nbo@region.se'],
      ['Manuell samlad bedömning', 'positivt'],
      ['Motivering för samlad bedömning', 'Se rapporten'],
      ['Svarsordning', 'Instämmer helt, Instämmer delvis, Instämmer inte, Vet ej'],
      ['Förvaltningar', 'Hälso- och sjukvård, Regionservice'],
      ['Antal styrkor', 5],
    ]);
    expect(settings).toEqual<WorkbookSettings>({
      organisation: 'Region Exempel',
      reportingYear: 2024,
      tolerance: 0.01,
      threshold: 0.4,
      shareWith: ['anna@region.se', 'grupp:ledning@region.se', 'bo@region.se'],
      manualOverall: { assessment: 'Positiv', justification: 'Se rapporten', year: null },
      answerOrder: ['Instämmer helt', 'Instämmer delvis', 'Instämmer inte', 'Vet ej'],
      departments: ['Hälso- och sjukvård', 'Regionservice'],
      strengthsCount: 5,
    });
    expect(issues).toEqual([]);
  });

  it.each<[string, Plain, keyof WorkbookSettings, unknown]>([
    ['Tolerans', '0,5', 'tolerance', 0.005],
    ['Tolerans', pct(0.005), 'tolerance', 0.005],
    ['Gräns för samlad bedömning', 0.5, 'threshold', 0.5],
    ['Gräns för samlad bedömning', '50 %', 'threshold', 0.5],
    ['Redovisningsår', '2025', 'reportingYear', 2025],
  ])('%s %j', (name, value, field, expected) => {
    expect(settingsOf([[name, value]]).settings[field]).toEqual(expected);
  });

  it.each<[string, Plain, RegExp]>([
    ['Redovisningsår', 'i år', /^Redovisningsår: 'i år' är inte ett årtal/],
    ['Tolerans', '-1', /^Tolerans: ogiltig tolerans '-1'/],
    ['Tolerans', 'lagom', /^Tolerans: ogiltig tolerans: 'lagom'/],
    ['Gräns för samlad bedömning', '1,5', /'1,5' måste vara ett tal mellan 0 och 1/],
    ['Gräns för samlad bedömning', 'hälften', /kan inte läsas som ett tal/],
    ['Antal styrkor', '2,5', /'2,5' måste vara ett heltal, minst 1/],
    ['Antal styrkor', 0, /måste vara ett heltal/],
    ['Manuell samlad bedömning', 'Super', /Manuell bedömning 'Super' känns inte igen/],
  ])('%s %j is an error issue and leaves the setting unset', (name, value, message) => {
    const { settings, issues } = settingsOf([[name, value]]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'error', sheet: 'Inställningar', rowNumber: 2, subject: name });
    expect(issues[0]?.message).toMatch(message);
    expect(Object.values(settings).every((v) => v === null)).toBe(true);
  });

  it('unknown setting names are notes with a suggestion', () => {
    const { issues } = settingsOf([['Organistion', 'X'], ['Färgtema', 'blå']]);
    expect(issues.map((i) => [i.kind, i.message])).toEqual([
      ['note', "Inställningen 'Organistion' känns inte igen – menade du 'Organisation'?"],
      ['note', "Inställningen 'Färgtema' känns inte igen"],
    ]);
  });

  it('a setting given twice: the first is used, the second is an error', () => {
    const { settings, issues } = settingsOf([['Organisation', 'A'], ['organisation ', 'B']]);
    expect(settings.organisation).toBe('A');
    expect(issues.map((i) => i.message)).toEqual(["Inställningen 'Organisation' finns på rad 2 och 3 – den första används"]);
  });

  it('a sheet without header row is read as columns A and B, with a note', () => {
    const { settings, issues } = settingsOf([['Redovisningsår', 2024]], ['Organisation', 'Region Y']);
    expect(settings.organisation).toBe('Region Y');
    expect(settings.reportingYear).toBe(2024);
    expect(issues.map((i) => i.kind)).toEqual(['note']);
  });
});
