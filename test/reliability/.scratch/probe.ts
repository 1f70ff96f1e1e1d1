import { recalculate } from '../../../shared/engine/recalculate.ts';
import { standardWorkbook, sheet, workbook, GOAL, INDICATOR } from '../../engine/grid-builder.ts';
const H = ['Målområde','Indikator','Mätetal','Enhet','Riktning','Utfall 2024','Utfall 2025','Manuell bedömning','Motivering'];
const good = [[GOAL, INDICATOR, 'Resor', 'ton', 'Minska', 100, 90],[GOAL, INDICATOR, 'Energi', 'MWh', 'Öka', 100, 90],[GOAL, INDICATOR, 'Avfall', 'ton', 'Minska', 100, 100]];
const settings = (rows: any[][]) => sheet('Inställningar', [['Inställning','Värde'],['Redovisningsår', 2025], ...rows]);
const cases: Record<string, any> = {
  missingRiktning: standardWorkbook([H.filter(h=>h!=='Riktning'), ...good.map(r=>r.filter((_,i)=>i!==4))], [settings([])]),
  misspelt: standardWorkbook([H.map(h=>h==='Riktning'?'Riktnig':h), ...good], [settings([])]),
  misspeltExtra: standardWorkbook([[...H, 'Utfal 2023'], ...good], [settings([])]),
  dupHeader: standardWorkbook([[...H, 'Utfall 2025'], ...good.map(r=>[...r,null,null,r[6]]), [GOAL, INDICATOR, 'X', 'st', 'Öka', 1, 2, null, null, 5]], [settings([])]),
  noMalomr: { ...standardWorkbook([H, ...good], [settings([])]), sheets: standardWorkbook([H, ...good], [settings([])]).sheets.filter(s=>s.name!=='Målområden') },
  renamed: { ...standardWorkbook([H, ...good], [settings([])]), sheets: standardWorkbook([H, ...good], [settings([])]).sheets.map(s=>s.name==='Mätetal'?{...s,name:'Matetal'}:s) },
  badYear: standardWorkbook([H, ...good], [sheet('Inställningar', [['Inställning','Värde'],['Redovisningsår','tjugofem']])]),
  yearOld: standardWorkbook([H, ...good], [sheet('Inställningar', [['Inställning','Värde'],['Redovisningsår',1850]])]),
  badTol: standardWorkbook([H, ...good], [settings([['Tolerans','mycket']])]),
  negTol: standardWorkbook([H, ...good], [settings([['Tolerans','-1 %']])]),
  badThr: standardWorkbook([H, ...good], [settings([['Gräns för samlad bedömning','hög']])]),
  thr2: standardWorkbook([H, ...good], [settings([['Gräns för samlad bedömning',2]])]),
  empty: workbook([]),
  emptySheet: workbook([sheet('Blad1', [])]),
  hidden: { ...standardWorkbook([H, ...good], [settings([])]) },
  noteRow: standardWorkbook([H, ...good, [null, null, null, null, null, null, 123]], [settings([])]),
  typed: standardWorkbook([[...H,'Utveckling'], ...good.map((r,i)=> i===0 ? [...r,null,null,'Bra!'] : r)], [settings([])]),
  dupIndicator: (()=>{ const g = standardWorkbook([H, ...good], [settings([])]); const ind = g.sheets[1]!; ind.rows.push(ind.rows[1]!); return g; })(),
  dupGoal: (()=>{ const g = standardWorkbook([H, ...good], [settings([])]); const s = g.sheets[0]!; s.rows.push([{value: GOAL},{value:'annat'}]); return g; })(),
  overallNoJ: standardWorkbook([H, ...good], [settings([['Manuell samlad bedömning','Positiv']])]),
  unknownSetting: standardWorkbook([H, ...good], [settings([['Toleranss','1 %']])]),
};
const name = process.argv[2]!;
const r = recalculate([cases[name]], { today: '2026-03-01', changedAt: 'x' });
for (const w of r.plans[0]!.writes) if (w.sheet==='Mätetal' || w.rowNumber===2) console.log(w.sheet, w.rowNumber, w.columnNumber, w.value.slice(0,150));
const i = r.summary.blocks.findIndex(b => b.kind === 'heading' && b.text === 'Datakvalitet');
for (const b of r.summary.blocks.slice(i)) if (b.kind==='table') for (const row of b.rows) console.log('Q', b.caption, '|', row.map(c=>c.text).join(' | ').slice(0,300)); else if (b.kind!=='heading') console.log('B', JSON.stringify(b).slice(0,200));
console.log('year', r.settings.reportingYear, r.settings.tolerance, r.settings.threshold);
