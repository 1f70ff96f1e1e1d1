/**
 * `npm run build`: bundles the functions and the Apps Script edit trigger into dist/.
 *
 *   dist/index.js                     the package's `main`: registers every target
 *   dist/functions/<target>/          one deployable folder per function (index.js + package.json),
 *                                     for `gcloud functions deploy --source dist/functions/<target>`
 *   dist/apps-script/Code.gs          the edit trigger, top-level `onEditTrigger(e)` and `installTriggers()`
 *   dist/apps-script/appsscript.json  its manifest (push both with clasp)
 *
 * Everything is bundled except what must stay a package at run time: the Functions Framework (its
 * CLI loads our module and must find the targets in ITS registry, so both must share one copy) and
 * native modules. Those become the dependencies of each deployable folder.
 * @module
 */
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TARGETS = ['onSheetEdit', 'recalculateAll'] as const;
const EXTERNAL = ['@google-cloud/functions-framework', '@resvg/resvg-js'];
const APPS_SCRIPT_GLOBAL = 'MalkollTrigger';
const APPS_SCRIPT_HANDLERS = ['onEditTrigger', 'installTriggers'];

/** CommonJS packages inside an ESM bundle still call `require` for Node built-ins. */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __malkollCreateRequire } from 'node:module';\n" +
  'const require = __malkollCreateRequire(import.meta.url);';

export interface BuildOptions {
  root: string;
  /** absolute source path → absolute replacement (tests build without the integrator's module) */
  replace?: Record<string, string>;
  /** where to write (default `<root>/dist`); tests that run in parallel each build their own copy */
  outDir?: string;
}

function replacePlugin(replace: Record<string, string>): esbuild.Plugin {
  return {
    name: 'malkoll-replace',
    setup(build) {
      build.onResolve({ filter: /\.ts$/ }, (args) => {
        const resolved = path.resolve(args.resolveDir, args.path);
        const replacement = replace[resolved];
        return replacement === undefined ? undefined : { path: replacement };
      });
    },
  };
}

async function buildFunctions(root: string, dist: string, replace: Record<string, string>): Promise<void> {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'functions/index.ts')],
    outfile: path.join(dist, 'index.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: EXTERNAL,
    banner: { js: ESM_REQUIRE_BANNER },
    metafile: true,
    logLevel: 'warning',
    plugins: [replacePlugin(replace)],
  });
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    engines?: Record<string, string>;
  };
  const imported = new Set(
    Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)),
  );
  const dependencies = Object.fromEntries(
    EXTERNAL.filter((name) => imported.has(name) || name === '@google-cloud/functions-framework').map((name) => {
      const version = pkg.dependencies?.[name];
      if (version === undefined) throw new Error(`${name} används men saknas i package.json (dependencies)`);
      return [name, version];
    }),
  );
  for (const target of TARGETS) {
    const dir = path.join(dist, 'functions', target);
    await mkdir(dir, { recursive: true });
    await copyFile(path.join(dist, 'index.js'), path.join(dir, 'index.js'));
    const manifest = {
      name: `malkoll-${target.toLowerCase()}`,
      private: true,
      type: 'module',
      main: 'index.js',
      engines: { node: '>=22' },
      scripts: { start: `functions-framework --target=${target}` },
      dependencies,
    };
    await writeFile(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
}

/** Writes Code.gs and appsscript.json into `out` (dist/apps-script in a full build). */
export async function buildAppsScript(root: string, out: string): Promise<void> {
  const src = path.join(root, 'sheets-templates/apps-script');
  await mkdir(out, { recursive: true });
  // Apps Script has no modules and finds handlers only as top-level functions of the project.
  const footer = APPS_SCRIPT_HANDLERS.map(
    (name) => `function ${name}(e) { return ${APPS_SCRIPT_GLOBAL}.${name}(e); }`,
  ).join('\n');
  await esbuild.build({
    entryPoints: [path.join(src, 'edit-trigger.ts')],
    outfile: path.join(out, 'Code.gs'),
    bundle: true,
    format: 'iife',
    globalName: APPS_SCRIPT_GLOBAL,
    platform: 'neutral',
    target: 'es2020',
    charset: 'utf8',
    logLevel: 'warning',
    banner: { js: '// Målkoll – redigeringsutlösare. Genererad av scripts/build.ts; ändra inte här.' },
    footer: { js: footer },
  });
  await copyFile(path.join(src, 'appsscript.json'), path.join(out, 'appsscript.json'));
}

export async function build(options: BuildOptions): Promise<void> {
  const dist = options.outDir ?? path.join(options.root, 'dist');
  await rm(dist, { recursive: true, force: true });
  await buildFunctions(options.root, dist, options.replace ?? {});
  await buildAppsScript(options.root, path.join(dist, 'apps-script'));
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  build({ root }).then(
    () => console.log('Byggt: dist/index.js, dist/functions/{onSheetEdit,recalculateAll}/, dist/apps-script/'),
    (err: unknown) => {
      console.error(`Bygget misslyckades: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
