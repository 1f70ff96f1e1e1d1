/** A template-shaped workbook with many metric rows, made with xlsx-populate (for the kill test and scripts/measure-xlsx.ts). */
import XlsxPopulate from 'xlsx-populate';

export async function largeWorkbook(rows: number): Promise<Uint8Array> {
  const wb = await XlsxPopulate.fromBlankAsync();
  const sheet = wb.sheet(0)!;
  (sheet as unknown as { name(n: string): void }).name('Mätetal');
  const header = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2023', 'Utfall 2024', 'Utfall 2025', 'Manuell bedömning', 'Motivering', 'Utveckling', 'Förklaring'];
  const data: (string | number | null)[][] = [header];
  for (let i = 0; i < rows; i++) {
    data.push([`Område ${i % 7}`, `Indikator ${i % 40}`, `Mätetal ${i}`, 'MWh', i % 2 ? 'Öka' : 'Minska', 1000 + i, 1010 + i, 990 + (i % 50), null, null, null, null]);
  }
  (sheet.cell(1, 1) as unknown as { value(v: unknown[][]): unknown }).value(data);
  return wb.outputAsync();
}
