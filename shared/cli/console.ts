/**
 * The terminal as the CLI sees it: two line sinks. The null version records lines so tests can run
 * the CLI inside the test process (Shore's "nullable infrastructure").
 * @module
 */

export interface CliConsole {
  out(line: string): void;
  err(line: string): void;
  /**
   * resolves when the user asks to stop (Ctrl-C); used by `watch`, which then finishes what it is writing. From the
   * call on, Ctrl-C no longer ends the process: a second one while a write finishes is only answered.
   */
  interrupted(): Promise<void>;
}

export function processConsole(): CliConsole {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interrupted: () =>
      new Promise((resolve) => {
        let count = 0;
        process.on('SIGINT', () => {
          if (++count === 1) resolve();
          else process.stderr.write('Målkoll avslutar så snart det som skrivs nu är skrivet – vänta.\n');
        });
      }),
  };
}

export interface RecordingConsole extends CliConsole {
  lines: { stream: 'out' | 'err'; text: string }[];
  text(): string;
  stop(): void;
}

export function recordingConsole(): RecordingConsole {
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const lines: RecordingConsole['lines'] = [];
  return {
    lines,
    out: (text) => lines.push({ stream: 'out', text }),
    err: (text) => lines.push({ stream: 'err', text }),
    interrupted: () => stopped,
    text: () => lines.map((l) => l.text).join('\n'),
    stop: () => stop(),
  };
}
