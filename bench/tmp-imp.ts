const before = process.memoryUsage().rss;
await import('fastest-levenshtein');
global.gc?.();
console.log('fastest-levenshtein'.padEnd(45), Math.round(process.memoryUsage().rss/1e6), 'MB');
