import { recalculate } from '/work/main/shared/engine/recalculate.ts';
import { standardWorkbook, sheet, err, date, uncached, GOAL, INDICATOR, pct } from '/work/main/test/engine/grid-builder.ts';
const H = ['Målområde','Indikator','Mätetal','Enhet','Riktning','Utfall 2024','Utfall 2025','Manuell bedömning','Motivering','Anteckning'];
const good = [
 [GOAL, INDICATOR, 'Resor', 'ton', 'Minska', 100, 90],
 [GOAL, INDICATOR, 'Energi', 'MWh', 'Öka', 100, 90],
 [GOAL, INDICATOR, 'Avfall', 'ton', 'Minska', 100, 100],
];
const bad = process.argv[2] ?? '';
const variants: Record<string, any[]> = {
  twoNumbers: [GOAL, INDICATOR, 'X', 'st', 'Öka', 1, '12 / 15'],
  div0: [GOAL, INDICATOR, 'X', 'st', 'Öka', 1, err('#DIV/0!')],
  unknownGoal: ['Okänt', INDICATOR, 'X', 'st', 'Öka', 1, 2],
  manualBad: [GOAL, INDICATOR, 'X', 'st', 'Öka', 1, 2, 'Bra'],
  manualNoJ: [GOAL, INDICATOR, 'X', 'st', 'Öka', 1, 2, 'Positiv'],
  long: [GOAL, INDICATOR, 'X', 'st', 'Öka', 1, 'a'.repeat(50000)],
};
const grid = standardWorkbook([H, ...good, variants[bad] ?? variants.twoNumbers], [sheet('Inställningar', [['Inställning','Värde'],['Redovisningsår', 2025]])]);
const r = recalculate([grid], { today: '2026-03-01', changedAt: 'x' });
for (const w of r.plans[0]!.writes) console.log(w.sheet, w.rowNumber, w.columnNumber, w.value.slice(0,150));
const i = r.summary.blocks.findIndex(b => b.kind === 'heading' && b.text === 'Datakvalitet');
console.log(JSON.stringify(r.summary.blocks.slice(i), null, 0).slice(0, 3000));
