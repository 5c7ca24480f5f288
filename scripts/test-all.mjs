// `npm test`: type check, lint, unit tests, a test build of the extension, browser tests.
// Ends with one line "N passed, N failed" counting unit and browser tests together.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
const problems = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) problems.push(`${label} failed (exit ${r.status ?? r.signal})`);
  return r.status === 0;
}

function countVitest(file, label) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A suite that failed to load has no failed tests but must not pass silently.
    const broken = report.testResults.filter(
      (t) => t.status === 'failed' && t.assertionResults.every((a) => a.status !== 'failed'),
    );
    if (broken.length) {
      failed += broken.length;
      problems.push(`${label}: ${broken.length} test file(s) failed to run`);
    }
    if (report.numTotalTests === 0) problems.push(`${label}: no tests ran`);
  } catch {
    failed += 1;
    problems.push(`${label}: no report (${file})`);
  }
}

const npx = 'npx';
// A failed check counts as a failed test, so the last line never reads "0 failed" on a red run.
if (!run('type check', npx, ['tsc', '--noEmit'])) failed += 1;
if (!run('lint', npx, ['eslint', '.', '--max-warnings=0'])) failed += 1;
// No import cycles, and each folder imports only the layers beneath it (.dependency-cruiser.cjs).
if (!run('import rules', 'npm', ['run', '--silent', 'check:deps'])) failed += 1;
// No dead exports: an export nothing imports fails the run (knip.json says what is an entry).
if (!run('unused exports', 'npm', ['run', '--silent', 'check:exports'])) failed += 1;
// Layout is the formatter's (.prettierrc.json): a file it would change fails the run.
if (!run('format check', npx, ['prettier', '--check', '.', '--log-level', 'warn'])) failed += 1;
rmSync('test-results/unit.json', { force: true });
run('unit tests', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/unit.json',
]);
countVitest('test-results/unit.json', 'unit tests');

// Firefox: lint the store build as Mozilla's review would, and build the test build.
if (!run('Firefox build', npx, ['wxt', 'build', '-b', 'firefox'])) failed += 1;
else if (!run('web-ext lint', npx, ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2'])) failed += 1;
const firefox = ['FIREFOX_PATH', '/usr/bin/firefox-esr', '/usr/bin/firefox'].some((p) =>
  p === 'FIREFOX_PATH' ? !!process.env.FIREFOX_PATH : existsSync(p),
);

if (
  run('test build', npx, ['wxt', 'build'], { WXT_TEST_HOSTS: '1' }) &&
  (!firefox || run('Firefox test build', npx, ['wxt', 'build', '-b', 'firefox'], { WXT_TEST_HOSTS: '1' }))
) {
  rmSync('test-results/e2e.json', { force: true });
  // The real help desks' browser tests need each desk running (scripts/<dir>/setup.sh; .ci/run
  // starts Request Tracker and Redmine, both from Debian; osTicket needs its source, see its fixture).
  const realDesks = [
    { name: 'Request Tracker', env: 'RT', dir: 'rt', file: 'request-tracker', port: 8080 },
    { name: 'Redmine', env: 'REDMINE', dir: 'redmine', file: 'redmine', port: 8081 },
    { name: 'osTicket', env: 'OSTICKET', dir: 'osticket', file: 'osticket', port: 8082 },
  ];
  const notRunning = [];
  for (const d of realDesks) {
    if (process.env[`${d.env}_URL`]) continue;
    notRunning.push('--exclude', `tests/e2e/${d.file}.e2e.ts`);
    if (process.env[`${d.env}_REQUIRED`]) {
      failed += 1;
      problems.push(
        `the real ${d.name} test is required here (${d.env}_REQUIRED) but ${d.env}_URL is not set: scripts/${d.dir}/setup.sh failed`,
      );
    } else {
      console.log(`\nNote: the real ${d.name} browser test is not run: it needs ${d.name} on this machine.`);
      console.log(
        `      Install and start it with "sudo bash scripts/${d.dir}/setup.sh", then run "${d.env}_URL=http://127.0.0.1:${d.port} npm test".`,
      );
    }
  }
  const ff = firefox ? [] : ['--exclude', 'tests/e2e/firefox.e2e.ts'];
  if (!firefox) {
    console.log('\nNote: the Firefox browser tests are not run: no Firefox here.');
    console.log('      Install it with "sudo apt-get install -y firefox-esr" (CI does), or set FIREFOX_PATH.');
  }
  run('browser tests', npx, [
    'vitest',
    'run',
    '-c',
    'vitest.e2e.config.ts',
    ...notRunning,
    ...ff,
    '--reporter=default',
    '--reporter=json',
    '--outputFile=test-results/e2e.json',
  ]);
  countVitest('test-results/e2e.json', 'browser tests');
  // The browser tests again, with the service worker stopped every 3 s (CDP): no state may live
  // in its memory, and syncs and flag deliveries cut off mid-request must still finish, once.
  // (Not Firefox, whose worker CDP cannot stop, nor the bundle size check, which runs none; nor
  // the upgrade and killed-browser tests, which stop the whole browser themselves and run once,
  // in the browser tests above; the upgrade test's released build predates this pass and its
  // sidebar search does not answer under it.)
  rmSync('test-results/e2e-stopped-worker.json', { force: true });
  const paths = [
    'sidebar',
    'popup',
    'helpdesks',
    'options',
    'accessibility',
    'german',
    'insights',
    'sources-hubspot',
    'sources-connectwise',
    'flags',
    'sidepanel',
    ...realDesks.filter((d) => process.env[`${d.env}_URL`]).map((d) => d.file),
  ].map((f) => `tests/e2e/${f}.e2e.ts`);
  run(
    'browser tests, worker stopped every 3 s',
    npx,
    [
      'vitest',
      'run',
      '-c',
      'vitest.e2e.config.ts',
      ...paths,
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-results/e2e-stopped-worker.json',
    ],
    { BACKSTORY_STOP_WORKER_MS: '3000' },
  );
  countVitest('test-results/e2e-stopped-worker.json', 'browser tests, worker stopped every 3 s');
} else {
  failed += 1;
}

if (problems.length) console.log(`\nProblems:\n- ${problems.join('\n- ')}`);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync('test-results/summary.txt', summary + '\n');
console.log('\n' + summary);
process.exit(problems.length || failed ? 1 : 0);
