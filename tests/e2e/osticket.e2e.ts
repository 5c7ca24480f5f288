import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launch, loadSampleData, type Harness } from './harness';
import { credentials, showsBackstoryBeside } from './real-desk';

/**
 * A REAL osTicket 1.18.1 (from its public source; not in Debian, so not in CI), installed and
 * started by scripts/osticket/setup.sh. npm test runs this file only when OSTICKET_URL says where
 * osTicket answers.
 */
const OSTICKET_URL = process.env.OSTICKET_URL;
const c = credentials('scripts/osticket/credentials.env');

let h: Harness;
beforeAll(async () => {
  if (!OSTICKET_URL)
    throw new Error(
      'OSTICKET_URL is not set: start osTicket with "sudo bash scripts/osticket/setup.sh", then OSTICKET_URL=http://127.0.0.1:8082.',
    );
  h = await launch();
  await loadSampleData(h);
});
afterAll(async () => h?.close());

describe('osTicket 1.18 (real, no adapter)', () => {
  it("shows the customer's backstory beside osTicket's staff ticket view, with the number the page shows", async () => {
    const id = process.env.OSTICKET_TICKET_ID ?? readFileSync('/tmp/backstory-osticket/ticket-id', 'utf8').trim();
    const number = readFileSync('/tmp/backstory-osticket/ticket-number', 'utf8').trim();
    await showsBackstoryBeside(
      h,
      {
        name: 'osTicket',
        url: OSTICKET_URL!,
        login: {
          path: '/scp/login.php',
          user: ['#name', c.OSTICKET_USER!],
          pass: ['#pass', c.OSTICKET_PASSWORD!],
          submit: 'button[name="submit"]',
        },
        ticketPath: (n) => `/scp/tickets.php?id=${n}`,
        // The URL holds the database id; the page shows "Ticket #866455".
        shownNumber: () => number,
        heading: 'h2 a.preview, h2',
      },
      id,
    );
  });
});
