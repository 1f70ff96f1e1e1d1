import { describe, expect, it } from 'vitest';
import {
  ACTION_HEADERS,
  GOAL_AREA_HEADERS,
  INDICATOR_HEADERS,
  METRIC_HEADERS,
  PRODUCT_COLUMNS,
  PYRAMID_HEADERS,
  RISK_HEADERS,
  SETTING_NAMES,
  SETTINGS_HEADERS,
  SHEETS,
  SURVEY_HEADERS,
} from '../../shared/engine/model/template.ts';
import { defaultSettings, findColumnSpec, findSettingSpec, templateSheets } from '../../sheets-templates/template-spec.ts';
import { demoWorkbooks } from '../../sheets-templates/demo/index.ts';

const CONSTANTS: Record<string, Record<string, string>> = {
  [SHEETS.metrics]: METRIC_HEADERS,
  [SHEETS.indicators]: INDICATOR_HEADERS,
  [SHEETS.goalAreas]: GOAL_AREA_HEADERS,
  [SHEETS.settings]: SETTINGS_HEADERS,
  [SHEETS.survey]: SURVEY_HEADERS,
  [SHEETS.actionPlan]: ACTION_HEADERS,
  [SHEETS.agendaPyramid]: PYRAMID_HEADERS,
  [SHEETS.riskAreas]: RISK_HEADERS,
};

describe('template spec', () => {
  it.each(templateSheets([]))('$name has every contract header once, in the constants’ order, and nothing else', (sheet) => {
    const expected = Object.values(CONSTANTS[sheet.name] ?? {});
    expect(sheet.columns.map((c) => c.header)).toEqual(expected);
  });

  it.each(templateSheets())('$name marks exactly the product’s columns as computed', (sheet) => {
    const computed = sheet.columns.filter((c) => c.computed).map((c) => c.header);
    expect(computed).toEqual([...(PRODUCT_COLUMNS[sheet.name] ?? [])]);
  });

  it('gives every column a Swedish note and a positive width', () => {
    for (const sheet of templateSheets()) {
      for (const c of sheet.columns) {
        expect(c.note.length, `${sheet.name}/${c.header}`).toBeGreaterThan(15);
        expect(c.width).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    ['Mätetal', 'Utfall 2019', 'Utfall 2019'],
    ['Mätetal', ' utfall 2023* ', ' utfall 2023* '],
    ['Mätetal', 'Målvärde 2025', 'Målvärde 2025'],
    ['Mätetal', 'RIKTNING', 'Riktning'],
    ['Indikatorer', 'Målvärde 2030', 'Målvärde 2030'],
  ])('finds the spec of %s column "%s"', (sheet, header, expected) => {
    expect(findColumnSpec(sheet, header)?.header).toBe(expected);
  });

  it.each([
    ['Mätetal', 'Kommentar'],
    ['Indikatorer', 'Utfall 2024'],
    ['Okänt blad', 'Målområde'],
  ])('knows no spec for %s column "%s"', (sheet, header) => {
    expect(findColumnSpec(sheet, header)).toBeUndefined();
  });

  it('has one default row per setting name, in the constants’ order, then the latest year’s Fastställd row', () => {
    expect(defaultSettings().map((s) => s.name)).toEqual([...Object.values(SETTING_NAMES), 'Fastställd 2025']);
    expect(findSettingSpec('fastställd 2031')?.note).toContain('2031');
    expect(findSettingSpec('  tolerans ')?.value).toEqual({ value: 0.005, format: 'percent' });
  });

  it('every demo header is one the template knows (so each gets its note)', () => {
    for (const wb of demoWorkbooks()) {
      for (const sheet of wb.sheets) {
        for (const h of sheet.headers) expect(findColumnSpec(sheet.name, h), `${wb.fileName}/${sheet.name}/${h}`).toBeDefined();
        for (const row of sheet.rows) expect(row.length).toBeLessThanOrEqual(sheet.headers.length);
      }
    }
  });
});
