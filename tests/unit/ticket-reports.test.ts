import { describe, expect, it } from 'vitest';
import { TicketReports, type SendReport } from '@/entrypoints/helpdesk.content/ticket-reports';
import type { TicketRef } from '@/core/model';

const pageRef = {
  helpdesk: 'halopsa',
  ticketId: '1042',
  url: 'https://x.halopsa.com/ticket?id=1042',
  missing: [],
} as unknown as TicketRef;
const apiRef = { ...pageRef, company: 'Baker & Price LLP' } as TicketRef;

/**
 * A background behind a worker the browser stops: `lose` sendings are lost (as askBackground
 * sees a closed channel), then each lost report is sent again after the test says so, while
 * `wanted()` still holds. Records what the background stored, in order.
 */
function background(lose: number) {
  const stored: { ref: TicketRef | null }[] = [];
  const resends: (() => Promise<void>)[] = [];
  const send: SendReport = (ref, wanted) =>
    new Promise((resolve) => {
      if (lose > 0) {
        lose--;
        // Asked again later, as askBackground does after a pause, only while still wanted.
        resends.push(async () => {
          if (!wanted()) return resolve(false);
          stored.push({ ref });
          resolve(true);
        });
        return;
      }
      stored.push({ ref });
      resolve(true);
    });
  return { stored, send, resendAll: () => Promise.all(resends.map((r) => r())) };
}

describe("a page's ticket reports while the worker is being stopped", () => {
  it('never lets the first reading, sent again after a loss, replace the API-filled report', async () => {
    const bg = background(1);
    const reports = new TicketReports(bg.send, () => true);
    const first = reports.report(pageRef, 'k');
    await reports.report(apiRef, 'k');
    await bg.resendAll();
    await first;
    expect(bg.stored.at(-1)?.ref).toEqual(apiRef);
    expect(bg.stored.map((s) => s.ref)).not.toContainEqual(pageRef);
  });

  it('sends the API-filled report after the first one, once each, when nothing is lost', async () => {
    const bg = background(0);
    const reports = new TicketReports(bg.send, () => true);
    await reports.report(pageRef, 'k');
    await reports.report(apiRef, 'k');
    expect(bg.stored).toEqual([{ ref: pageRef }, { ref: apiRef }]);
  });

  it('sends a lost report again while it is the latest and its ticket is on screen', async () => {
    const bg = background(1);
    let onScreen = true;
    const reports = new TicketReports(bg.send, () => onScreen);
    const first = reports.report(pageRef, 'k');
    await bg.resendAll();
    await first;
    expect(bg.stored).toEqual([{ ref: pageRef }]);
    // Another lost report, for a ticket no longer on screen: not sent again.
    const bg2 = background(1);
    const later = new TicketReports(bg2.send, () => onScreen);
    const gone = later.report(pageRef, 'k');
    onScreen = false;
    await bg2.resendAll();
    await gone;
    expect(bg2.stored).toEqual([]);
  });

  it('withdraws the ticket with a report of none', async () => {
    const bg = background(0);
    await new TicketReports(bg.send, () => true).report(null, 'null');
    expect(bg.stored).toEqual([{ ref: null }]);
  });
});
