/** Runs the engine measurement in its own process (own heap, no garbage of the other measurements); prints JSON. */
import { measureEngine } from '../engine.ts';

console.log(JSON.stringify(measureEngine(Number(process.argv[2] ?? 100_000))));
