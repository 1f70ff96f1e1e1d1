import { runCli } from './app.ts';
import { processConsole } from './console.ts';

process.exitCode = await runCli(process.argv.slice(2), processConsole());
