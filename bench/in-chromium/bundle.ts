/**
 * Bundles entry.ts into one IIFE for the bench page. esbuild is not a dependency of its own here:
 * it comes with tsx, vite and wxt (`npm ls esbuild`), and is used through its JS API. It reads the
 * repo's tsconfig (and .wxt/tsconfig.json's `@/` paths) itself. The Node runs' fake-indexeddb is
 * replaced by an empty module, so the page uses Chromium's own IndexedDB (entry.ts checks).
 */
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const noFakeIndexedDb: Plugin = {
  name: 'no-fake-indexeddb',
  setup(b) {
    b.onResolve({ filter: /^fake-indexeddb(\/|$)/ }, (args) => ({ path: args.path, namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

export async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    plugins: [noFakeIndexedDb],
  });
  return result.outputFiles[0]!.text;
}
