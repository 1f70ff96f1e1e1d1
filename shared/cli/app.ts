/**
 * `malkoll <command>`: parses the arguments and runs one command. Returns the exit code:
 * 0 when it ran (even if rows had errors), 1 when it could not run, 2 for a usage error.
 * @module
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { CliConsole } from './console.ts';
import { initCommand } from './commands/init.ts';
import { recalcCommand } from './commands/recalc.ts';
import { watchCommand } from './commands/watch.ts';
import { demoCommand } from './commands/demo.ts';
import { CliError } from './cli-error.ts';
import type { SetupCommandDeps } from './commands/setup-google.ts';
import type { GoogleCommandDeps } from './commands/google-set.ts';
import { fileSystemMessage } from './file-system-message.ts';
import type { LocalRunOptions } from './local-set.ts';

export const USAGE = `Användning: malkoll <kommando>

  init DIR      skapar mallen och demo-arbetsböckerna i DIR
  recalc DIR    räknar om alla arbetsböcker i DIR och skriver Sammanfattning.xlsx och Sammanfattning.html
  watch DIR     räknar om när en arbetsbok i DIR sparas (Ctrl-C avslutar)
  demo DIR      init (om DIR saknar arbetsböcker) och recalc – det npm start gör
  new-year DIR [ÅÅÅÅ]
                lägger till nästa års Utfall-kolumn i varje arbetsbok i DIR (utan omräkning)
  new-year google [ÅÅÅÅ]
                samma i kalkylarken i MALKOLL_SPREADSHEETS (infogad efter sista Utfall-kolumnen)
  kolada DIR    hämtar utfall från Kolada till tomma Utfall-celler för mätetal med Kolada-KPI, och räknar om
  setup google [--demo] [--folder ID]
                skapar mallen (eller demo-arbetsböckerna) och sammanfattningen i en Drive-mapp
                (MALKOLL_DRIVE_FOLDER) och skriver ut de steg som återstår; körs som person`;

type Command = (dir: string, io: CliConsole, local: LocalRunOptions) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  recalc: recalcCommand,
  watch: watchCommand,
  demo: demoCommand,
  // loaded when used: the Kolada client validates answers with a schema library the other commands do not need
  kolada: async (dir, io) => (await import('./commands/kolada.ts')).koladaCommand(dir, io),
};

/**
 * `context.setup` lets tests hand `setup google` its environment and Google clients, `context.google` those of the
 * year-round commands on Google; `context.local` the seams of a local run (a kill or a full disk at a given step,
 * how long to wait for another run).
 */
export async function runCli(args: string[], io: CliConsole, context: { setup?: SetupCommandDeps; google?: GoogleCommandDeps; local?: LocalRunOptions } = {}): Promise<number> {
  const [name, dir, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  if (name === 'setup') return runSetup(args.slice(1), io, context.setup);
  if (name === 'new-year') return runYearRound(name, io, async () => (await import('./commands/new-year.ts')).newYearCommand(args.slice(1), io, context.google));
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Okänt kommando '${name}'.\n\n${USAGE}`);
    return 2;
  }
  if (!dir || rest.length > 0) {
    io.err(`'${name}' behöver exakt en mapp, t.ex. malkoll ${name} demo\n\n${USAGE}`);
    return 2;
  }
  const notAFolder = notAFolderReason(name, dir);
  if (notAFolder) {
    io.err(`${notAFolder}\n\n${USAGE}`);
    return 2;
  }
  try {
    await command(dir, io, context.local ?? {});
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`malkoll ${name}: ${error.message}`);
      return 1;
    }
    const refused = fileSystemMessage(error);
    if (refused) {
      io.err(`malkoll ${name}: ${refused}`);
      return 1;
    }
    io.err(`malkoll ${name}: oväntat fel – ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

/** A year-round command with arguments of its own: a usage error exits 2, a CliError 1. */
async function runYearRound(name: string, io: CliConsole, run: () => Promise<void>): Promise<number> {
  const { UsageError } = await import('./commands/setup-google.ts');
  try {
    await run();
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`malkoll ${name}: ${error instanceof CliError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

/** Every local command works on a folder: a workbook's name given instead is a usage error (exit 2). */
function notAFolderReason(command: string, dir: string): string | null {
  const example = `malkoll ${command} ${path.dirname(dir)}`;
  const info = statOrNull(path.resolve(dir));
  if (info && !info.isDirectory()) return `'${dir}' är en fil, inte en mapp: '${command}' arbetar på alla arbetsböcker i en mapp, t.ex. ${example}`;
  if (!info && /\.(xlsx|xlsm|xls|xlsb|ods|csv)$/i.test(dir)) return `'${dir}' finns inte och ser ut som en fil: '${command}' behöver mappen som arbetsböckerna ligger i, t.ex. ${example}`;
  return null;
}

function statOrNull(target: string) {
  try {
    return statSync(target);
  } catch {
    return null;
  }
}

async function runSetup(args: string[], io: CliConsole, deps?: SetupCommandDeps): Promise<number> {
  // loaded on demand: the local commands should not pay for the Google clients at start-up
  const { setupCommand, UsageError } = await import('./commands/setup-google.ts');
  try {
    await setupCommand(args, io, deps);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`malkoll setup: ${error instanceof CliError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
