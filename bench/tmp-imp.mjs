import module from 'node:module';
module.enableCompileCache?.();
await import('../shared/cli/app.ts');
global.gc?.();
console.log('../shared/cli/app.ts'.padEnd(45), Math.round(process.memoryUsage().rss/1e6), 'MB');
