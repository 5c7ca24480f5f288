// The README's "Code map" matches the tree: every top-level folder and every entrypoint (and
// each file beside the background's router) is named there, and every path it names exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('\n## Code map\n');
const end = readme.indexOf('\n## ', start + 1);
const codeMap = readme.slice(start, end === -1 ? undefined : end);
/** Everything the code map writes as code: `entrypoints/`, `show-me-where.ts`, `core/X.ts`... */
const named = [...codeMap.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);

/** Top-level names git ignores (.gitignore's patterns without a slash inside), and git's own. */
const ignored = readFileSync('.gitignore', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#') && !l.slice(0, -1).includes('/'))
  .map((l) => new RegExp(`^${l.replace(/\/$/, '').replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`));
const kept = (name: string) => name !== '.git' && !ignored.some((re) => re.test(name));
const isDir = (path: string) => statSync(path).isDirectory();

/** A name is named when the map writes it alone or as the end of a path (`background/`, `entrypoints/background/`). */
const isNamed = (name: string) => named.some((n) => n === name || n.endsWith('/' + name));

/** Every kept file and folder under `dir`, as paths. */
function walk(dir: string): string[] {
  return readdirSync(dir)
    .filter(kept)
    .flatMap((name) => {
      const path = dir === '.' ? name : `${dir}/${name}`;
      return isDir(path) ? [path + '/', ...walk(path)] : [path];
    });
}

describe('the code map in the README', () => {
  it('is found, with its table', () => {
    expect(start).toBeGreaterThan(0);
    expect(codeMap).toContain('| folder | what it holds |');
  });

  it('names every top-level folder', () => {
    const folders = readdirSync('.')
      .filter((name) => kept(name) && isDir(name))
      .map((name) => name + '/');
    expect(folders).toContain('entrypoints/');
    expect(folders.filter((f) => !isNamed(f))).toEqual([]);
  });

  it('names every entrypoint, and every file beside the background router', () => {
    const entries = [
      ...readdirSync('entrypoints').map((name) => (isDir(`entrypoints/${name}`) ? name + '/' : name)),
      ...readdirSync('entrypoints/background').filter((name) => name !== 'index.ts'),
    ];
    expect(entries).toContain('show-me-where.ts');
    expect(entries.filter((e) => !isNamed(e))).toEqual([]);
  });

  it('names only paths that exist', () => {
    const tree = walk('.');
    // Paths and file names; not patterns (`adapters/helpdesks/*.ts`, `core/<name>.ts`).
    const pathLike = named.filter((n) => /\/$|\.(ts|tsx|mjs|cjs|json|md|yml)$/.test(n) && !/[*<]/.test(n));
    expect(pathLike.length).toBeGreaterThan(20);
    // A path from the top exists as written; a bare name (`data-writes.ts` in the services row)
    // ends some path in the tree.
    const missing = pathLike.filter((n) => !existsSync(n) && !tree.some((p) => p.endsWith('/' + n)));
    expect(missing).toEqual([]);
  });
});
