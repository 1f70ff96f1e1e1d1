#!/usr/bin/env node
// Målkoll runs its TypeScript directly on Node's type stripping (Node ≥ 22.18). Inside the project,
// `npm run malkoll` uses the Node 24 that the `node` devDependency installs.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`Målkoll kräver Node 22.18 eller senare (du har ${process.versions.node}). Kör via "npm run malkoll -- <kommando>" i projektet.`);
  process.exit(1);
}
await import('../shared/cli/main.ts');
