/**
 * The columns of the optional sheets `Agendapyramid` and `Riskområden` (domain.md §3), as template-spec.ts
 * declares the others: header words from the engine's template contract, a Swedish note on each, widths and
 * dropdowns.
 * @module
 */
import { PLAN_STATUSES, POLITICAL_LEVEL, PYRAMID_HEADERS, PYRAMID_RANKS, RISK_HEADERS, RISK_LEVELS } from '../shared/engine/index.ts';
import type { ColumnSpec } from './template-spec.ts';

export function pyramidColumns(): ColumnSpec[] {
  const h = PYRAMID_HEADERS;
  return [
    {
      header: h.level,
      width: 30,
      note: `${POLITICAL_LEVEL} för politikens pyramid (önskat läge), annars avdelningens, divisionens eller förvaltningens namn (läget i dag).`,
    },
    { header: h.goal, width: 36, note: 'Agenda 2030-målets nummer (1–17), t.ex. 3 eller Mål 3, eller dess namn, t.ex. Hälsa och välbefinnande.' },
    { header: h.rank, width: 13, list: PYRAMID_RANKS, note: 'Central (pyramidens topp), Betydande (mitten) eller Generell (basen). Ett mål rangordnas en gång per nivå.' },
    { header: h.term, width: 14, note: 'Valfritt: mandatperioden pyramiden gäller, t.ex. 2023–2026. Finns flera visas den senaste.' },
  ];
}

export function riskColumns(): ColumnSpec[] {
  const h = RISK_HEADERS;
  const criterion = (header: string, what: string): ColumnSpec => ({
    header,
    width: 13,
    list: RISK_LEVELS,
    note: `Valfritt: risken för ${what}, graderad Hög, Potentiell hög, Medel eller Låg.`,
  });
  return [
    { header: h.category1, width: 24, note: 'Det breda inköpsområdet, t.ex. Medicinteknik, Livsmedel eller IT-produkter.' },
    { header: h.category2, width: 24, note: 'Valfritt: vilka varor eller tjänster inom området, t.ex. Engångshandskar.' },
    { header: h.category3, width: 20, note: 'Valfritt: en finare indelning, t.ex. Nitril.' },
    {
      header: h.level,
      width: 14,
      list: RISK_LEVELS,
      note: 'Hög, Potentiell hög, Medel eller Låg, som regionernas upphandlingsnätverk graderar. Tomt = den högsta av kriteriernas grader.',
    },
    criterion(h.environment, 'miljöpåverkan'),
    criterion(h.humanRights, 'brott mot mänskliga rättigheter i leverantörskedjan'),
    criterion(h.corruption, 'korruption'),
    criterion(h.labourRights, 'brott mot arbetsrätten i Sverige'),
    criterion(h.other, 'annat, t.ex. djurskydd'),
    { header: h.action, width: 44, note: 'Vad som görs: krav i avtal, uppföljning, dialog med leverantörer … Hög och potentiellt hög risk utan åtgärd visas under Behöver förstärkas.' },
    { header: h.owner, width: 24, note: 'Ansvarig funktion eller person.' },
    { header: h.status, width: 13, list: PLAN_STATUSES, note: 'Åtgärdens läge: Ej påbörjad, Pågår eller Klar.' },
  ];
}
