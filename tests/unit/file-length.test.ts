// Short files with one job (issue 17): no TypeScript file of the project's own folders is over
// 400 lines (test fixtures excepted: they are data). A file that grows past it is split by what
// it holds.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 400;
const FOLDERS = [
  'adapters',
  'background-caches',
  'components',
  'core',
  'entrypoints',
  'i18n',
  'messaging',
  'services',
  'sources',
  'storage',
  'bench',
  'scripts',
  'tests',
];
const EXCEPT = ['tests/fixtures/'];

/** Every .ts and .tsx file under `dir` (paths relative to the project, with "/"), fixtures and node_modules excepted. */
function filesUnder(dir: string): string[] {
  if (EXCEPT.some((e) => `${dir}/`.startsWith(e))) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return entry.isFile() && /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const sourceFiles = () => FOLDERS.flatMap(filesUnder).sort();

/** Lines as `wc -l` counts them (a last line without a newline counts too). */
function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('file length', () => {
  it('counts lines as wc -l does', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\n\nb\n')]).toEqual([
      0, 1, 1, 2, 3,
    ]);
  });

  it(`finds the project's files, fixtures excepted`, () => {
    const files = sourceFiles();
    expect(files).toContain('tests/unit/file-length.test.ts');
    expect(files).toContain('core/messages.ts');
    expect(files.some((f) => f.startsWith('tests/fixtures/'))).toBe(false);
  });

  it(`keeps every file at ${MAX_LINES} lines or fewer`, () => {
    const long = sourceFiles()
      .map((file) => ({ file, lines: lineCount(readFileSync(file, 'utf8')) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long, `over ${MAX_LINES} lines (split each by what it holds)`).toEqual([]);
  });
});
