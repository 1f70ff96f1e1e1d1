/**
 * A slow save that writes over a workbook in place, as a sync client or a network copy does: the file is cut to
 * nothing and its new bytes arrive in chunks. Run: node slow-save.ts TARGET SOURCE CHUNKS PAUSE_MS
 * Creates TARGET.saving once the first chunk is written.
 */
import { open, readFile, writeFile } from 'node:fs/promises';

const [target, source, chunks, pause] = process.argv.slice(2);
if (!target || !source) throw new Error('usage: slow-save.ts TARGET SOURCE CHUNKS PAUSE_MS');
const bytes = await readFile(source);
const count = Number(chunks ?? 10);
const size = Math.ceil(bytes.length / count);
const handle = await open(target, 'r+');
await handle.truncate(0);
for (let i = 0; i < count; i++) {
  await handle.write(bytes, i * size, Math.min(size, bytes.length - i * size), i * size);
  await handle.sync();
  if (i === 0) await writeFile(`${target}.saving`, '');
  await new Promise((resolve) => setTimeout(resolve, Number(pause ?? 100)));
}
await handle.close();
