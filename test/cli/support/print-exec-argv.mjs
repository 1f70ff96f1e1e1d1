// Loaded with NODE_OPTIONS=--import=… by installed-command.test.ts: each Node process the command starts says
// which flags it runs with.
process.stderr.write(`exec-argv ${JSON.stringify({ pid: process.pid, execArgv: process.execArgv })}\n`);
