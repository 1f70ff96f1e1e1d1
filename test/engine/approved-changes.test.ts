/**
 * An approved report stays as approved (domain.md §7): the snapshot the archive keeps, and the live summary's
 * section "Ändrat sedan fastställd rapport" — every status that differs from the approved one, with why.
 */
import { describe, expect, it } from 'vitest';
import { approvedChangesBlocks, approvedSnapshot, changesSinceApproved, type ApprovedSnapshot, type SetAssessment } from '../../shared/engine/index.ts';
import { demoSet, metric, SOURCES } from './set-fixtures.ts';

const APPROVAL = { approvedOn: '2026-03-15', workbooks: SOURCES };
const approved = (): ApprovedSnapshot => approvedSnapshot(demoSet(), APPROVAL)!;

function edit(change: (set: SetAssessment) => void): SetAssessment {
  const set = structuredClone(demoSet());
  change(set);
  return set;
}
const metricNamed = (set: SetAssessment, name: string) => set.metrics.find((m) => m.name === name)!;

describe('approvedSnapshot', () => {
  it('is plain JSON that reads back the same', () => {
    const snapshot = approved();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot).toMatchObject({ version: 1, year: 2025, approvedOn: '2026-03-15' });
  });

  it('keeps every level with its status, Förklaring, applied override and (metrics) outcomes', () => {
    const s = approved();
    expect(s.organisation).toEqual({
      level: 'organisation', workbookId: null, goalArea: null, indicator: null, name: 'Region Exempel', status: 'Positiv',
      explanation: 'Medel 0,5 av 2 målområden → Positiv', override: null,
    });
    expect(s.goalAreas.map((g) => [g.name, g.status, g.override?.assessment ?? null])).toEqual([
      ['Minskad klimatpåverkan', 'Positiv', null],
      ['Hållbar konsumtion', 'Oförändrad', null],
      ['Social hållbarhet', 'Inget värde', 'Inget värde'],
    ]);
    expect(s.indicators).toHaveLength(3);
    const elbussar = s.metrics.find((m) => m.name === 'Elbussar i trafik')!;
    expect(elbussar).toMatchObject({
      workbookId: 'klimat.xlsx', goalArea: 'Minskad klimatpåverkan', indicator: 'Fossilfri kollektivtrafik', status: 'Positiv', unit: '%',
      override: { assessment: 'Positiv', justification: 'Målet för 2025 var 36 % och nivån hölls.' },
      outcomes: { 2023: 31.5, 2024: 36.9, 2025: 36.9 },
    });
  });

  it('leaves out outcomes of later years, and is null without a reporting year', () => {
    const later = edit((s) => {
      metricNamed(s, 'Resor och transporter').outcomes![2026] = 1000;
    });
    expect(approvedSnapshot(later, APPROVAL)!.metrics[0]!.outcomes).toEqual({ 2021: 1450, 2023: 1320, 2024: 1210, 2025: 1105 });
    expect(approvedSnapshot({ ...demoSet(), year: null }, APPROVAL)).toBeNull();
  });
});

describe('changesSinceApproved', () => {
  it('lists nothing when nothing changed', () => {
    expect(changesSinceApproved(approved(), demoSet())).toEqual([]);
  });

  it('lists nothing for a corrected outcome that leaves the status as approved', () => {
    const set = edit((s) => {
      metricNamed(s, 'Resor och transporter').outcomes![2025] = 1100;
    });
    expect(changesSinceApproved(approved(), set)).toEqual([]);
  });

  const cases: { name: string; change: (s: SetAssessment) => void; expected: object }[] = [
    {
      name: 'a corrected outcome',
      change: (s) => Object.assign(metricNamed(s, 'Energi i lokaler'), { status: 'Positiv', outcomes: { 2023: 830, 2024: 800, 2025: 790.25 } }),
      expected: { level: 'mätetal', name: 'Energi i lokaler', from: 'Negativ', to: 'Positiv', reasons: ['Utfall 2025 rättat: 845\u00a0ton → 790,25\u00a0ton'] },
    },
    {
      name: 'an outcome added',
      change: (s) => Object.assign(metricNamed(s, 'Tjänsteresor med flyg'), { status: 'Positiv', value: 80, outcomes: { 2023: 95, 2024: 88, 2025: 80 } }),
      expected: { name: 'Tjänsteresor med flyg', from: 'Inget värde', to: 'Positiv', reasons: ['Utfall 2025 tillagt: 80\u00a0ton'] },
    },
    {
      name: 'an outcome removed',
      change: (s) => Object.assign(metricNamed(s, 'Energi i lokaler'), { status: 'Inget värde', value: null, outcomes: { 2023: 830, 2024: 800 } }),
      expected: { name: 'Energi i lokaler', from: 'Negativ', to: 'Inget värde', reasons: ['Utfall 2025 borttaget (var 845\u00a0ton)'] },
    },
    {
      name: 'a new override',
      change: (s) => Object.assign(metricNamed(s, 'Ekologiska livsmedel'), { status: 'Positiv', rule: 'manuell', manual: { assessment: 'Positiv', justification: 'Nytt avtal från december.', year: 2025 } }),
      expected: { name: 'Ekologiska livsmedel', workbookId: 'konsumtion.xlsx', from: 'Oförändrad', to: 'Positiv', reasons: ['ny manuell bedömning Positiv. Motivering: Nytt avtal från december.'] },
    },
    {
      name: 'an override removed',
      change: (s) => Object.assign(metricNamed(s, 'Elbussar i trafik'), { status: 'Oförändrad', rule: 'förändring', manual: null }),
      expected: { name: 'Elbussar i trafik', from: 'Positiv', to: 'Oförändrad', reasons: ['manuell bedömning borttagen (var Positiv)'] },
    },
    {
      name: 'a changed override on a goal area',
      change: (s) => Object.assign(s.goalAreas[2]!, { status: 'Positiv', manual: { assessment: 'Positiv', justification: 'Självskattningen visar framsteg.', year: 2025 } }),
      expected: { level: 'målområde', name: 'Social hållbarhet', from: 'Inget värde', to: 'Positiv', reasons: ['ändrad manuell bedömning Inget värde → Positiv. Motivering: Självskattningen visar framsteg.'] },
    },
    {
      name: 'an indicator: the Förklaring now',
      change: (s) => Object.assign(s.indicators[0]!, { status: 'Negativ', explanation: 'Medel −1 av 2 mätetal → Negativ' }),
      expected: { level: 'indikator', name: 'Utsläpp av CO2e', goalArea: 'Minskad klimatpåverkan', from: 'Oförändrad', to: 'Negativ', reasons: ['Förklaring nu: Medel −1 av 2 mätetal → Negativ'] },
    },
    {
      name: 'the organisation, whatever its name now',
      change: (s) => Object.assign(s.organisation, { name: 'Region Exempel (ny)', status: 'Oförändrad', explanation: 'Medel 0 → Oförändrad' }),
      expected: { level: 'organisation', name: 'Region Exempel (ny)', from: 'Positiv', to: 'Oförändrad', reasons: ['Förklaring nu: Medel 0 → Oförändrad'] },
    },
    {
      name: 'a metric added since',
      change: (s) => s.metrics.push(metric({ name: 'Laddplatser', goalArea: 'Minskad klimatpåverkan', indicator: 'Utsläpp av CO2e', status: 'Positiv', explanation: 'Målvärdet nått → Positiv' })),
      expected: { name: 'Laddplatser', from: null, to: 'Positiv', reasons: ['nytt sedan den fastställda rapporten. Förklaring: Målvärdet nått → Positiv'] },
    },
    {
      name: 'a metric removed since',
      change: (s) => (s.metrics = s.metrics.filter((m) => m.name !== 'Matsvinn')),
      expected: { name: 'Matsvinn', from: 'Fel', to: null, reasons: ['finns inte längre i arbetsböckerna'] },
    },
  ];
  it.each(cases)('$name', ({ change, expected }) => {
    expect(changesSinceApproved(approved(), edit(change))).toEqual([expect.objectContaining(expected)]);
  });

  it('matches names as the template does (case and spaces) and metrics within their workbook only', () => {
    const set = edit((s) => {
      metricNamed(s, 'Resor och transporter').name = '  resor OCH transporter ';
      metricNamed(s, 'Energi i lokaler').workbookId = 'konsumtion.xlsx';
    });
    expect(changesSinceApproved(approved(), set).map((c) => [c.name.trim(), c.workbookId, c.from, c.to])).toEqual([
      ['Energi i lokaler', 'klimat.xlsx', 'Negativ', null],
      ['Energi i lokaler', 'konsumtion.xlsx', null, 'Negativ'],
    ]);
  });
});

describe('approvedChangesBlocks', () => {
  it('says nothing changed while the approved year is reported unchanged', () => {
    expect(approvedChangesBlocks(approved(), demoSet(), SOURCES)).toEqual([
      { kind: 'heading', level: 2, text: 'Ändrat sedan fastställd rapport', id: 'andrat-sedan-faststalld-rapport' },
      { kind: 'paragraph', text: 'Inga bedömningar har ändrats sedan redovisningen för 2025 fastställdes 2026-03-15.' },
    ]);
  });

  it('is absent when another year is reported', () => {
    expect(approvedChangesBlocks(approved(), { ...demoSet(), year: 2026 }, SOURCES)).toEqual([]);
  });

  it('tables the changes, approved → now, with the workbook of each metric', () => {
    const set = edit((s) => {
      Object.assign(s.organisation, { status: 'Oförändrad', explanation: 'Medel 0 → Oförändrad' });
      Object.assign(metricNamed(s, 'Energi i lokaler'), { status: 'Positiv', outcomes: { 2023: 830, 2024: 800, 2025: 790 } });
      s.metrics = s.metrics.filter((m) => m.name !== 'Matsvinn');
    });
    const blocks = approvedChangesBlocks(approved(), set, SOURCES);
    expect(blocks[1]).toEqual({ kind: 'paragraph', text: 'Redovisningen för 2025 fastställdes 2026-03-15. 3 bedömningar har ändrats sedan dess.' });
    expect(blocks[2]).toEqual({
      kind: 'table',
      caption: 'Ändrat sedan fastställd rapport',
      columns: ['Nivå', 'Namn', 'Arbetsbok', 'Fastställd', 'Nu', 'Varför'],
      rows: [
        [{ text: 'Organisation' }, { text: 'Region Exempel' }, { text: '–' }, { text: 'Positiv', style: 'Positiv' }, { text: 'Oförändrad', style: 'Oförändrad' }, { text: 'Förklaring nu: Medel 0 → Oförändrad' }],
        [{ text: 'Mätetal' }, { text: 'Energi i lokaler (Utsläpp av CO2e)' }, { text: 'Klimat' }, { text: 'Negativ', style: 'Negativ' }, { text: 'Positiv', style: 'Positiv' }, { text: 'Utfall 2025 rättat: 845\u00a0ton → 790\u00a0ton' }],
        [{ text: 'Mätetal' }, { text: 'Matsvinn (Hållbara inköp)' }, { text: 'Konsumtion' }, { text: 'Fel', style: 'Fel' }, { text: '–' }, { text: 'finns inte längre i arbetsböckerna' }],
      ],
    });
  });

  it('reads a snapshot that went through JSON (the archive state)', () => {
    const stored = JSON.parse(JSON.stringify(approved())) as ApprovedSnapshot;
    const set = edit((s) => Object.assign(metricNamed(s, 'Energi i lokaler'), { status: 'Positiv', outcomes: { 2023: 830, 2024: 800, 2025: 790 } }));
    expect(changesSinceApproved(stored, set)).toHaveLength(1);
  });
});
