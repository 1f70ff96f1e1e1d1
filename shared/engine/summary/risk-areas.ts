/**
 * "Riskområden i inköp": how many areas per risk level, the register ordered by level, and the `Hög` and
 * `Potentiell hög` areas without an `Åtgärd` (also listed under Behöver förstärkas). Risk levels carry
 * their own colours and always their word.
 * @module
 */
import type { RiskRegister, RiskRow } from '../model/shapes.ts';
import type { SummaryBlock, SummaryCell } from '../model/summary-model.ts';
import { RISK_LEVELS } from '../model/template.ts';
import { NO_VALUE, textCell } from './cells.ts';

export const RISK_HEADING = 'Riskområden i inköp';

export function riskAreaName(area: RiskRow): string {
  return area.categories.join(' – ');
}

/** The Behöver förstärkas items: every Hög or Potentiell hög area without an Åtgärd. */
export function riskNeeds(risks: RiskRegister | null | undefined, workbook: (id: string | null) => string): SummaryCell[] {
  return (risks?.withoutAction ?? []).map((area) => ({
    text: `Riskområde ”${riskAreaName(area)}” (${workbook(area.workbookId)}): risknivå ${area.level} och ingen åtgärd angiven.`,
    style: area.level,
  }));
}

export function riskBlocks(risks: RiskRegister | null | undefined, workbook: (id: string | null) => string): SummaryBlock[] {
  if (!risks) return [];
  const count = (n: number): SummaryCell => ({ text: String(n), number: n });
  const levels = RISK_LEVELS.filter((l) => risks.counts[l] > 0).map((l) => `${risks.counts[l]} ${l}`);
  const missing = risks.withoutAction.length;
  return [
    { kind: 'heading', level: 2, text: RISK_HEADING, id: 'riskomraden' },
    {
      kind: 'paragraph',
      text:
        `${risks.areas.length} riskområden: ${levels.join(', ')}. ` +
        (missing === 0
          ? 'Alla områden med hög eller potentiellt hög risk har en åtgärd.'
          : `${missing} ${missing === 1 ? 'område' : 'områden'} med hög eller potentiellt hög risk saknar åtgärd (se Behöver förstärkas).`),
    },
    {
      kind: 'table',
      caption: 'Antal riskområden per risknivå',
      columns: ['Risknivå', 'Antal'],
      rows: RISK_LEVELS.map((l) => [{ text: l, style: l }, count(risks.counts[l])]),
    },
    {
      kind: 'table',
      caption: 'Riskområden ordnade efter risknivå',
      columns: ['Riskområde', 'Risknivå', 'Kriterier', 'Åtgärd', 'Ansvarig', 'Status', 'Arbetsbok'],
      rows: risks.areas.map((a) => [
        { text: riskAreaName(a) },
        { text: a.level, style: a.level },
        textCell(a.criteria.map((c) => `${c.criterion}: ${c.level}`).join('; ')),
        a.action === null ? { text: risks.withoutAction.includes(a) ? 'Saknas' : NO_VALUE } : { text: a.action },
        textCell(a.owner),
        textCell(a.status),
        { text: workbook(a.workbookId) },
      ]),
    },
  ];
}
