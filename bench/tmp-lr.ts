import { measureLocalRecalc } from './local-recalc.ts';
const r = await measureLocalRecalc(Number(process.argv[2] ?? 10000));
console.log(JSON.stringify(r, null, 1));
