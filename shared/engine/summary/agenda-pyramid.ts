/**
 * "Agendapyramid": the pyramids side by side (a `pyramid` chart whose text alternative names every goal
 * and its rank), the same content as a table, and per division its riktningsförändringar against the
 * politics' pyramid, largest gap first.
 * @module
 */
import type { DirectionShift, Pyramid, PyramidSet } from '../model/shapes.ts';
import type { ChartPyramid, ChartSpec, PyramidItem, SummaryBlock, SummaryCell } from '../model/summary-model.ts';
import { AGENDA_2030_GOALS, goalLabel } from '../model/agenda-2030.ts';
import { POLITICAL_LEVEL, PYRAMID_RANKS } from '../model/template.ts';
import { slug } from './cells.ts';

export const PYRAMID_HEADING = 'Agendapyramid';
const UNRANKED = 'Ej rangordnade';

export function pyramidName(p: Pyramid): string {
  return p.term ? `${p.level} (${p.term})` : p.level;
}

const item = (goal: number): PyramidItem => ({ short: String(goal), long: AGENDA_2030_GOALS[goal] ?? '' });
const goals = (list: number[]) => (list.length === 0 ? 'inga' : list.map(goalLabel).join(', '));

export function pyramidChart(set: PyramidSet): ChartSpec {
  const pyramids: ChartPyramid[] = set.pyramids.map((p) => ({
    name: pyramidName(p),
    tiers: p.tiers.map((t) => ({ label: t.rank, style: t.rank, items: t.goals.map(item) })),
    outside: p.unranked.length > 0 ? { label: UNRANKED, items: p.unranked.map(item) } : null,
  }));
  const alt = set.pyramids
    .map((p) => `${pyramidName(p)}: ${[...p.tiers.map((t) => `${t.rank}: ${goals(t.goals)}`), `${UNRANKED}: ${goals(p.unranked)}`].join('; ')}`)
    .join('. ');
  return {
    id: 'agendapyramid',
    type: 'pyramid',
    title: set.pyramids.length > 1 ? 'Agendapyramider: Agenda 2030-målen efter rang' : 'Agendapyramid: Agenda 2030-målen efter rang',
    categories: [...PYRAMID_RANKS],
    series: set.pyramids.map((p) => ({ name: pyramidName(p), values: p.tiers.map((t) => t.goals.length) })),
    alt: `Pyramiddiagram med Central överst, Betydande i mitten och Generell längst ner. ${alt}.`,
    pyramids,
  };
}

export function pyramidBlocks(set: PyramidSet | null | undefined): SummaryBlock[] {
  if (!set) return [];
  const blocks: SummaryBlock[] = [
    { kind: 'heading', level: 2, text: PYRAMID_HEADING, id: 'agendapyramid' },
    {
      kind: 'paragraph',
      text:
        'Agenda 2030-målen rangordnade: Central överst, Betydande i mitten, Generell längst ner. Politikens pyramid visar ' +
        'önskat läge, varje avdelnings pyramid var den står i dag.',
    },
    { kind: 'chart', chart: pyramidChart(set) },
    {
      kind: 'table',
      caption: 'Agendapyramidernas mål per rang',
      columns: ['Rang', ...set.pyramids.map(pyramidName)],
      rows: [
        ...PYRAMID_RANKS.map((rank) => [
          { text: rank, style: rank } as SummaryCell,
          ...set.pyramids.map((p) => ({ text: goals(p.tiers.find((t) => t.rank === rank)?.goals ?? []) })),
        ]),
        [{ text: UNRANKED }, ...set.pyramids.map((p) => ({ text: goals(p.unranked) }))],
      ],
    },
  ];
  if (!set.hasPolitical) {
    blocks.push({
      kind: 'paragraph',
      text: `Ingen pyramid har Nivå '${POLITICAL_LEVEL}', så riktningsförändringarna mot politikens önskade läge kan inte visas.`,
    });
    return blocks;
  }
  for (const division of set.shifts) {
    blocks.push({ kind: 'heading', level: 3, text: `Riktningsförändringar – ${division.division}`, id: `riktning-${slug(division.division)}` });
    if (division.shifts.length === 0) {
      blocks.push({ kind: 'paragraph', text: `${division.division} rangordnar de mål som båda pyramiderna tar upp som politiken gör.` });
      continue;
    }
    blocks.push({
      kind: 'table',
      caption: `Riktningsförändringar för ${division.division}: mål där politikens rang skiljer sig, största skillnaden först`,
      columns: ['Mål', 'Politikens rang', `${division.division} i dag`, 'Riktningsförändring'],
      rows: division.shifts.map((s) => [
        { text: goalLabel(s.goal) },
        { text: s.political, style: s.political },
        { text: s.division, style: s.division },
        { text: shiftText(s) },
      ]),
    });
  }
  return blocks;
}

/** "Uppåt 2 nivåer (Generell → Central)" */
export function shiftText(s: DirectionShift): string {
  const n = Math.abs(s.steps);
  return `${s.steps > 0 ? 'Uppåt' : 'Nedåt'} ${n} ${n === 1 ? 'nivå' : 'nivåer'} (${s.division} → ${s.political})`;
}
