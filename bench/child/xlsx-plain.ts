/**
 * The comparison for the local recalculation: a plain xlsx-populate load and save of the same file,
 * nothing computed (run as its own process, like `recalc`).
 * @module
 */
import XlsxPopulate from 'xlsx-populate';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: xlsx-plain.ts IN OUT');
const workbook = await XlsxPopulate.fromFileAsync(input);
await workbook.toFileAsync(output);
