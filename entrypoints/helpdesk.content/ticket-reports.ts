import type { TicketRef } from '@/core/model';

/**
 * Sends one report; resolves with whether the background answered. `wanted` is asked before
 * each sending again after a loss (messaging/ask-background.ts).
 */
export type SendReport = (ref: TicketRef | null, wanted: () => boolean) => Promise<boolean>;

/**
 * Keeps a page's ticket reports in order. A report lost to a stopping worker is sent again, but
 * never once a newer report was begun: the page's first reading (no client yet) sent again after
 * the help desk's API answer (with the client) would otherwise replace it, and the sidebar would
 * show no account.
 */
export class TicketReports {
  private latest = 0;

  constructor(
    private readonly send: SendReport,
    /** Whether this ticket (key) is still the one on screen. */
    private readonly current: (key: string) => boolean,
  ) {}

  /** Report the ticket read from the page (again once the help desk's API filled it in). */
  async report(ref: TicketRef | null, key: string): Promise<void> {
    const mine = ++this.latest;
    await this.send(ref, () => mine === this.latest && this.current(key));
  }
}
