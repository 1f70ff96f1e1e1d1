/** The readable table of `npm run bench`. */
export type Row = [label: string, value: number, target: string, note: string];

export function printTable(rows: Row[], machine: { cpus: number; cpu: string; memoryGb: number }): void {
  const fmt = (n: number) => (Number.isFinite(n) ? n.toLocaleString('sv-SE') : '–');
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (i === 1 ? fmt(r[1]) : String(r[i])).length)));
  console.log(`Målkoll bench – ${machine.cpus} kärnor, ${machine.cpu}, ${machine.memoryGb} GB`);
  console.log(`${'Mått'.padEnd(widths[0]!)}  ${'Värde'.padStart(widths[1]!)}  ${'Mål'.padEnd(widths[2]!)}  Anmärkning`);
  for (const [label, value, target, note] of rows) {
    console.log(`${label.padEnd(widths[0]!)}  ${fmt(value).padStart(widths[1]!)}  ${target.padEnd(widths[2]!)}  ${note}`);
  }
}
