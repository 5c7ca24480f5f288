/** The gzip size of each bundle of the store build (.output/chrome-mv3), content script first. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleRow {
  file: string;
  bytes: number;
  gzip: number;
}

export function bundleSizes(dir = '.output/chrome-mv3'): BundleRow[] | undefined {
  if (!existsSync(dir)) return undefined;
  const rows: BundleRow[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.js')) {
        const buf = readFileSync(p);
        rows.push({ file: p.slice(dir.length + 1), bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
      }
    }
  };
  walk(dir);
  return rows.sort(
    (a, b) =>
      Number(b.file.startsWith('content-scripts')) - Number(a.file.startsWith('content-scripts')) || b.gzip - a.gzip,
  );
}
