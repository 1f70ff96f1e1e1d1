/**
 * The demo's Agenda 2030 pyramids and procurement risk register. The politics' pyramid (2023–2026) lives in
 * Miljöprogram.xlsx beside the risk register; the division Hälso- och sjukvård keeps its own pyramid in its
 * own workbook (division.ts), so the summary shows them side by side with the division's
 * riktningsförändringar (goal 13 two levels apart, so the largest gap leads).
 * @module
 */
import { PYRAMID_HEADERS as P, RISK_HEADERS as R, SHEETS, POLITICAL_LEVEL } from '../../shared/engine/index.ts';
import { templateHeaders } from './environment.ts';
import { rowOf } from './types.ts';
import type { DemoSheet } from './types.ts';

export const TERM = '2023–2026';
export const DIVISION = 'Division Hälso- och sjukvård';

type Tiers = { Central: number[]; Betydande: number[]; Generell: number[] };

export const POLITICAL_PYRAMID: Tiers = { Central: [3, 10, 13], Betydande: [5, 7, 8, 12, 16], Generell: [4, 6, 9, 11, 15, 17] };
export const DIVISION_PYRAMID: Tiers = { Central: [3, 12], Betydande: [5, 8, 10], Generell: [4, 6, 7, 9, 11, 13, 16, 17] };

export function pyramidSheet(level: string, tiers: Tiers): DemoSheet {
  const headers = templateHeaders(SHEETS.agendaPyramid);
  const rows = Object.entries(tiers).flatMap(([rank, goals]) =>
    goals.map((goal) => rowOf(headers, { [P.level]: level, [P.goal]: goal, [P.rank]: rank, [P.term]: TERM })),
  );
  return { name: SHEETS.agendaPyramid, headers, rows };
}

export function politicalPyramidSheet(): DemoSheet {
  return pyramidSheet(POLITICAL_LEVEL, POLITICAL_PYRAMID);
}

const PURCHASING = 'Regionservice, upphandling';

export function riskAreasSheet(): DemoSheet {
  const headers = templateHeaders(SHEETS.riskAreas);
  const area = (cells: Record<string, string>) => rowOf(headers, cells);
  return {
    name: SHEETS.riskAreas,
    headers,
    rows: [
      area({
        [R.category1]: 'Medicinteknik', [R.category2]: 'Engångshandskar', [R.category3]: 'Nitril', [R.level]: 'Hög',
        [R.environment]: 'Medel', [R.humanRights]: 'Hög', [R.labourRights]: 'Låg',
        [R.action]: 'Uppförandekod i avtalet och revision hos tillverkaren', [R.owner]: PURCHASING, [R.status]: 'Pågår',
      }),
      // Risknivå left blank: the highest criterion (Hög) counts, and no Åtgärd yet
      area({ [R.category1]: 'Livsmedel', [R.category2]: 'Kött och chark', [R.environment]: 'Hög', [R.humanRights]: 'Medel', [R.owner]: PURCHASING }),
      area({
        [R.category1]: 'Läkemedel', [R.category2]: 'Antibiotika', [R.level]: 'Hög', [R.environment]: 'Hög', [R.humanRights]: 'Medel',
        [R.action]: 'Miljökrav på tillverkningen enligt Upphandlingsmyndighetens kriterier', [R.owner]: 'Läkemedelskommittén', [R.status]: 'Pågår',
      }),
      area({
        [R.category1]: 'IT-produkter', [R.category2]: 'Datorer och mobiltelefoner', [R.level]: 'Potentiell hög', [R.humanRights]: 'Potentiell hög',
        [R.corruption]: 'Medel', [R.action]: 'Krav på anslutning till Electronics Watch', [R.owner]: PURCHASING, [R.status]: 'Klar',
      }),
      area({ [R.category1]: 'Textilier', [R.category2]: 'Arbetskläder', [R.level]: 'Potentiell hög', [R.humanRights]: 'Potentiell hög', [R.owner]: PURCHASING }),
      area({
        [R.category1]: 'Byggentreprenader', [R.level]: 'Medel', [R.labourRights]: 'Medel',
        [R.action]: 'Kontroll av underentreprenörer och ID06', [R.owner]: 'Regionfastigheter', [R.status]: 'Pågår',
      }),
      area({
        [R.category1]: 'Transporter', [R.category2]: 'Persontransporter', [R.level]: 'Medel', [R.environment]: 'Medel',
        [R.action]: 'Fossilfria drivmedel i avtalen', [R.owner]: PURCHASING, [R.status]: 'Klar',
      }),
      area({ [R.category1]: 'Kontorsmaterial', [R.level]: 'Låg', [R.owner]: PURCHASING }),
    ],
  };
}
