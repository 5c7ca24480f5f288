import type { TicketRef } from '@/core/model';

/**
 * Sends one report; resolves with whether the background answered. `wanted` is asked before
 * each sending again after a loss (messaging/ask-background.ts).
 */
export type SendReport = (ref: TicketRef | null, withWords: boolean, wanted: () => boolean) => Promise<boolean>;

/**
 * Keeps a page's ticket reports in order. A report lost to a stopping worker is sent again, but
 * never once a newer report was begun: the page's first reading (no client yet) sent again after
 * the help desk's API answer (with the client) would otherwise replace it, and the sidebar would
 * show no account. A report the help desk's API filled in carries the ticket's words (subject
 * and first message) again until the background has acknowledged them for the same ticket (the
 * first report may have been lost, and it is no longer sent).
 */
export class TicketReports {
  private latest = 0;
  /** The ticket key whose words the background acknowledged. */
  private wordsIn?: string;

  constructor(
    private readonly send: SendReport,
    /** Whether this ticket (key) is still the one on screen. */
    private readonly current: (key: string) => boolean,
  ) {}

  /** Report the ticket read from the page (`enriched`: filled in by the help desk's API afterwards). */
  async report(ref: TicketRef | null, key: string, enriched = false): Promise<void> {
    const mine = ++this.latest;
    const withWords = ref !== null && (!enriched || this.wordsIn !== key);
    const answered = await this.send(ref, withWords, () => mine === this.latest && this.current(key));
    if (answered && withWords) this.wordsIn = key;
  }
}
