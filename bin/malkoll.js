#!/usr/bin/env node
// Målkoll runs its TypeScript directly on Node's type stripping (Node ≥ 22.18). Inside the project,
// `npm run malkoll` uses the Node 24 that the `node` devDependency installs.
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`Målkoll kräver Node 22.18 eller senare (du har ${process.versions.node}). Kör via "npm run malkoll -- <kommando>" i projektet.`);
  process.exit(1);
}
// Node's compile cache keeps the type-stripped and compiled modules on disk (in the OS temp folder), so a run
// after the first does not load the TypeScript stripper at all: less memory and a faster start (docs/performance.md).
// This file is plain JavaScript so that nothing is stripped before the cache is on. A folder that cannot be
// written only means no cache.
module.enableCompileCache?.();
await import('../shared/cli/main.ts');
