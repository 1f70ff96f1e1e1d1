import { describe, expect, it } from 'vitest';
import { resolveSetSettings } from '../../shared/engine/assess/set-settings.ts';
import type { WorkbookSettings } from '../../shared/engine/model/model.ts';
import { DEFAULT_ANSWER_ORDER, DEFAULTS } from '../../shared/engine/model/template.ts';
import { metricRow, workbookModel } from './model-factories.ts';

function wb(name: string, settings: Partial<WorkbookSettings>, over: Parameters<typeof workbookModel>[0] = {}) {
  return workbookModel({ workbookId: `${name}.xlsx`, workbookName: name, settings, ...over });
}

describe('resolveSetSettings', () => {
  it('uses the defaults when nothing is set', () => {
    const s = resolveSetSettings([wb('A', {})]);
    expect(s).toMatchObject({
      organisation: null,
      reportingYear: null,
      threshold: DEFAULTS.threshold,
      shareWith: [],
      shareAgreed: true,
      manualOverall: null,
      answerOrder: [...DEFAULT_ANSWER_ORDER],
      departments: [],
      strengthsCount: 3,
      issues: [],
    });
  });

  it('takes values set in any workbook when they agree', () => {
    const s = resolveSetSettings([
      wb('A', { organisation: 'Region Exempel', threshold: 0.3 }),
      wb('B', { organisation: ' region exempel ', reportingYear: 2024, shareWith: ['a@region.se', 'B@region.se'] }),
      wb('C', { shareWith: ['b@region.se', 'a@region.se'], reportingYear: 2024 }),
    ]);
    expect(s.organisation).toBe('Region Exempel');
    expect(s.threshold).toBe(0.3);
    expect(s.reportingYear).toBe(2024);
    expect(s.reportingYearReason).toBe('Redovisningsår 2024 enligt Inställningar.');
    expect(s.shareWith).toEqual(['a@region.se', 'B@region.se']);
    expect(s.shareAgreed).toBe(true);
    expect(s.issues).toEqual([]);
  });

  const conflicts: {
    setting: string;
    first: Partial<WorkbookSettings>;
    second: Partial<WorkbookSettings>;
    field: 'organisation' | 'reportingYear' | 'threshold' | 'shareWith' | 'strengthsCount';
    want: unknown;
    values: [string, string];
    shareAgreed: boolean;
  }[] = [
    {
      setting: 'Organisation',
      first: { organisation: 'Region Norr' },
      second: { organisation: 'Region Syd' },
      field: 'organisation',
      want: 'Region Norr',
      values: ['Region Norr', 'Region Syd'],
      shareAgreed: false,
    },
    {
      setting: 'Redovisningsår',
      first: { reportingYear: 2024 },
      second: { reportingYear: 2025 },
      field: 'reportingYear',
      want: 2024,
      values: ['2024', '2025'],
      shareAgreed: false,
    },
    {
      setting: 'Gräns för samlad bedömning',
      first: { threshold: 0.5 },
      second: { threshold: 0.25 },
      field: 'threshold',
      want: 0.5,
      values: ['0,5', '0,25'],
      shareAgreed: false,
    },
    {
      setting: 'Sammanfattning delas med',
      first: { shareWith: ['ledning@region.se'] },
      second: { shareWith: ['ledning@region.se', 'extra@region.se'] },
      field: 'shareWith',
      want: ['ledning@region.se'],
      values: ['ledning@region.se', 'ledning@region.se, extra@region.se'],
      shareAgreed: false,
    },
    {
      setting: 'Antal styrkor',
      first: { strengthsCount: 5 },
      second: { strengthsCount: 2 },
      field: 'strengthsCount',
      want: 5,
      values: ['5', '2'],
      shareAgreed: true,
    },
  ];

  it.each(conflicts)('a conflict in $setting: first by name wins and it is reported', (c) => {
    // handed in the "wrong" order: Östersund sorts after Ärende and Åre in Swedish (å, ä, ö)
    const models = [wb('Östersund', c.second), wb('Åre', c.first)];
    const s = resolveSetSettings(models);
    expect(s[c.field]).toEqual(c.want);
    expect(s.shareAgreed).toBe(c.shareAgreed);
    expect(s.issues).toHaveLength(1);
    const issue = s.issues[0]!;
    expect(issue).toMatchObject({ kind: 'conflict', workbookName: 'Östersund', sheet: 'Inställningar', subject: c.setting });
    expect(issue.message).toContain(`”${c.values[0]}” i Åre`);
    expect(issue.message).toContain(`”${c.values[1]}” i Östersund`);
    expect(issue.message).toContain('Värdet från Åre används');
    expect(issue.message.includes('ingen ny delning')).toBe(!c.shareAgreed);
  });

  it('sorts names the Swedish way (Å before Ä before Ö, after Z)', () => {
    const s = resolveSetSettings([
      wb('Örebro', { organisation: 'Ö' }),
      wb('Zeta', { organisation: 'Z' }),
      wb('Älvdalen', { organisation: 'Ä' }),
    ]);
    expect(s.organisation).toBe('Z');
    expect(s.issues.map((i) => i.workbookName)).toEqual(['Älvdalen', 'Örebro']);
  });

  it('one issue per disagreeing workbook, none for those that agree or are silent', () => {
    const s = resolveSetSettings([
      wb('A', { reportingYear: 2025 }),
      wb('B', {}),
      wb('C', { reportingYear: 2025 }),
      wb('D', { reportingYear: 2023 }),
    ]);
    expect(s.reportingYear).toBe(2025);
    expect(s.issues.map((i) => i.workbookName)).toEqual(['D']);
  });

  it('chooses the reporting year from the outcomes when no workbook sets it', () => {
    const metrics = [metricRow({ outcomes: { 2024: 1, 2025: 2 } }), metricRow({ rowNumber: 3, outcomes: { 2024: 1 } })];
    const s = resolveSetSettings([wb('A', {}, { metrics, years: [2024, 2025] })]);
    expect(s.reportingYear).toBe(2025);
    expect(s.reportingYearReason).toContain('valdes automatiskt');
  });

  it('takes the manual overall assessment from the first workbook that sets it', () => {
    const manual = { assessment: 'Positiv' as const, justification: 'Alla mål nådda', year: null };
    const s = resolveSetSettings([wb('B', { manualOverall: manual }), wb('A', {})]);
    expect(s.manualOverall).toEqual(manual);
  });

  it('takes survey settings from the first workbook that sets them', () => {
    const s = resolveSetSettings([
      wb('B', { answerOrder: ['Ja', 'Nej'], departments: ['Kultur'] }),
      wb('A', { strengthsCount: 2 }),
    ]);
    expect(s.answerOrder).toEqual(['Ja', 'Nej']);
    expect(s.departments).toEqual(['Kultur']);
    expect(s.strengthsCount).toBe(2);
  });
});
