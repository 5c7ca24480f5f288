import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launch, loadSampleData, type Harness } from './harness';
import { credentials, showsBackstoryBeside } from './real-desk';

/**
 * A REAL Redmine 5 from Debian, installed and started by scripts/redmine/setup.sh (which .ci/run
 * calls). npm test runs this file only when REDMINE_URL says where Redmine answers.
 */
const REDMINE_URL = process.env.REDMINE_URL;
const c = credentials('scripts/redmine/credentials.env');

let h: Harness;
beforeAll(async () => {
  if (!REDMINE_URL)
    throw new Error(
      'REDMINE_URL is not set: start Redmine with "sudo bash scripts/redmine/setup.sh", then REDMINE_URL=http://127.0.0.1:8081.',
    );
  h = await launch();
  await loadSampleData(h);
});
afterAll(async () => h?.close());

describe('Redmine 5 (real, no adapter)', () => {
  it("shows the customer's backstory beside Redmine's issue view, read by the generic rules", async () => {
    const id = process.env.REDMINE_ISSUE_ID ?? readFileSync('/tmp/backstory-redmine/issue-id', 'utf8').trim();
    await showsBackstoryBeside(
      h,
      {
        name: 'Redmine',
        url: REDMINE_URL!,
        login: {
          path: '/login',
          user: ['#username', c.REDMINE_USER!],
          pass: ['#password', c.REDMINE_PASSWORD!],
          submit: '#login-submit',
        },
        ticketPath: (n) => `/issues/${n}`,
        // Redmine's issue number is its id: "Support #1".
        shownNumber: (n) => n,
        heading: '#content h2',
      },
      id,
    );
  });
});
