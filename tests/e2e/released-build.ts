/**
 * The last released version of the extension, built from git for the upgrade browser test
 * (tests/e2e/upgrade.e2e.ts): `git archive` of the commit into a cache folder, `npm ci` and a
 * test build there. The built extension is kept per commit, so only the first run pays for it
 * (about 1.5 min: npm ci from npm's cache, then `wxt build`); CI's fresh clone has the full history
 * and the npm registry, and builds it once.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * "Released": 16c4281 is the last commit that landed (stop 15, CI passed, 2026-12-02) before this
 * round's work began with issue 17 (157e13c, "Prettier decides layout", is its first commit). Its
 * database is at schema 6 (packed records), so the current build upgrades it to 7 (importStages).
 */
// Move it on to the newest landing once this round has landed.
export const RELEASED_COMMIT = '16c4281a06e92832d0fecbd74daa19b92c34934d';

/** Where built releases are kept: BACKSTORY_RELEASED_CACHE, or the system's temporary folder. */
const CACHE = process.env.BACKSTORY_RELEASED_CACHE || join(tmpdir(), 'backstory-released');

/** What the build tools see: none of the variables of the npm and vitest run this test is in. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(npm_|VITEST|VITE_|WXT_|BACKSTORY_|NODE_ENV$|INIT_CWD$|TEST$)/i.test(k)) env[k] = v;
  return env;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()): void {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}) in ${cwd}:\n${r.stdout}\n${r.stderr}`);
}

/**
 * The released commit's Chromium test build (WXT_TEST_HOSTS=1, so it runs on the fixture pages),
 * built once and kept; a copy of it in a folder of the caller's, with the manifest `key` of the
 * current test build, so both have the same extension id and so the same storage (the released
 * wxt.config.ts had no key: an unpacked extension's id came from its folder's path then).
 */
export function releasedBuildInto(target: string, key: string, commit = RELEASED_COMMIT): void {
  const home = join(CACHE, commit);
  const built = join(home, 'chrome-mv3');
  if (!existsSync(join(built, 'manifest.json'))) {
    const work = join(home, `work-${process.pid}`);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(join(work, 'src'), { recursive: true });
    const repo = process.cwd();
    // A shallow clone lacks the commit: say so rather than test nothing.
    run('git', ['cat-file', '-e', `${commit}^{commit}`], repo);
    run('git', ['archive', '--format=tar', '-o', join(work, 'src.tar'), commit], repo);
    run('tar', ['-xf', join(work, 'src.tar'), '-C', join(work, 'src')], work);
    run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], join(work, 'src'));
    run('npx', ['wxt', 'build'], join(work, 'src'), {
      ...cleanEnv(),
      WXT_TEST_HOSTS: '1',
      BACKSTORY_TEST_OUT: join(work, 'out'),
    });
    rmSync(built, { recursive: true, force: true });
    // Whole or not at all: a run cut off mid-build leaves no half build behind for the next one.
    renameSync(join(work, 'out', 'chrome-mv3'), built);
    rmSync(work, { recursive: true, force: true });
  }
  rmSync(target, { recursive: true, force: true });
  cpSync(built, target, { recursive: true });
  const manifestPath = join(target, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key }));
}

/** Chrome's version order: numbers separated by dots, compared part by part (a missing part is 0). */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/**
 * The current build copied over `target` (whose manifest is the released one) as an update: the
 * Chrome Web Store takes only a higher version than the one users have, so when this build's
 * version is not higher (the version is raised at release, not on every commit) the copy's
 * manifest gets the released version with one more part (0.1.0 → 0.1.0.1; Chrome allows four). Returns both versions.
 */
export function updateInto(target: string, current: string): { from: string; to: string } {
  const read = (dir: string) =>
    JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & { version: string };
  const from = read(target).version;
  rmSync(target, { recursive: true, force: true });
  cpSync(current, target, { recursive: true });
  const manifest = read(target);
  const parts = from.split('.');
  const higher = parts.length < 4 ? [...parts, '1'] : [...parts.slice(0, 3), String(Number(parts[3]) + 1)];
  const to = compareVersions(manifest.version, from) > 0 ? manifest.version : higher.join('.');
  writeFileSync(join(target, 'manifest.json'), JSON.stringify({ ...manifest, version: to }));
  return { from, to };
}
