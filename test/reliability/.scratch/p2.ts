import { recalculate } from '../../../shared/engine/recalculate.ts';
import { standardWorkbook, sheet, GOAL, INDICATOR } from '../../engine/grid-builder.ts';
const H = ['Målområde','Indikator','Mätetal','Enhet','Riktning','Utfall 2024','Utfall 2025','Manuell bedömning','Motivering','Bedömningsår','Målvärde','Basvärde','Årlig förändring','Tolerans','Tolerans (absolut)','Följs upp t.o.m.'];
const good = [[GOAL, INDICATOR, 'Resor', 'ton', 'Minska', 100, 90],[GOAL, INDICATOR, 'Energi', 'MWh', 'Öka', 100, 90],[GOAL, INDICATOR, 'Avfall', 'ton', 'Minska', 100, 100]];
const bad = (o: Record<string, any>) => H.map(h => h in o ? o[h] : ({Målområde: GOAL, Indikator: INDICATOR, Mätetal: 'Felraden', Enhet: 'st', Riktning: 'Öka', 'Utfall 2024': 10, 'Utfall 2025': 12} as any)[h] ?? null);
const vs: any[] = [
 {'Utfall 2025': '93*'}, {'Utfall 2025': 'ca 40'}, {'Utfall 2025': true}, {'Utfall 2025': '40 %'}, {Riktning: 'Uppåt'}, {Riktning: null},
 {Målvärde: 'hög'}, {Målvärde: '−50 %'}, {Målvärde: 'Minska'}, {'Årlig förändring': '-2 %'}, {Tolerans: 'x'}, {'Tolerans (absolut)': -3}, {'Följs upp t.o.m.': 'snart'}, {Bedömningsår: 'i fjol', 'Manuell bedömning': 'Positiv', Motivering: 'ok'},
 {'Manuell bedömning': 'Positivt', Motivering: 'Nivån hölls'}, {'Manuell bedömning': 'Positiv', Motivering: 'x', Bedömningsår: 2023}, {Indikator: 'Okänd'}, {Indikator: 'Hälsa'}, {Mätetal: 'Resor', Enhet: 'ton'}, {'Utfall 2025': null}, {'Utfall 2024': null},
 {Basvärde: 'mycket', Målvärde: 5}, {Målområde: null}, {'Utfall 2025': '1 234,5'},{'Utfall 2025': '12,5.3'},
];
for (const v of vs) {
  const g = standardWorkbook([H, ...good, bad(v)], [sheet('Inställningar', [['Inställning','Värde'],['Redovisningsår', 2025]])]);
  g.sheets[1]!.rows.push([{value: GOAL}, {value:'Ignored'}]);
  const r = recalculate([g], { today: '2026-03-01', changedAt: 'x' });
  const w = r.plans[0]!.writes.filter(w => w.sheet==='Mätetal' && w.rowNumber===5).map(w=>w.value).join(' | ');
  const i = r.summary.blocks.findIndex(b => b.kind === 'heading' && b.text === 'Datakvalitet');
  const q = r.summary.blocks.slice(i).flatMap(b => b.kind==='table' ? b.rows.map(row => b.caption+': '+row.map(c=>c.text).slice(2).join(' | ')) : []);
  console.log(JSON.stringify(v).slice(0,60), '=>', w.slice(0,200), '\n   ', q.join('\n    ').slice(0,400));
}
