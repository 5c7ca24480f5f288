/**
 * The sample world's tickets, as campaign insights count them (one row per matched ticket a day,
 * nothing of its content): 90 days of them, ending `today`. Each customer opens about as many as
 * the campaign that won it says (campaigns.ts, ticketsPer90Days), so one campaign's customers
 * clearly need more support than the rest. Used by the browser tests and `npm start`; the
 * extension itself only ever counts real tickets, with the technician's consent.
 */
import type { RecordSet } from '@/core/model';
import type { TicketViewLike } from '@/core/insights';
import { pickWinningDeal } from '@/core/backstory';
import { addDays } from '@/core/days';
import { fnv1a } from '@/core/hash';
import { Rng } from '@/core/random';
import { CAMPAIGNS } from './campaigns';
import { sid } from './world';

/** Tickets in 90 days for a customer won without a campaign. */
const WITHOUT_CAMPAIGN = 2.4;
const KINDS = [
  ['Incident', 5],
  ['Service request', 3],
  ['Problem', 1],
  ['Change', 1],
] as const;

export function makeSampleTicketViews(data: RecordSet, today: string): TicketViewLike[] {
  const load = new Map(CAMPAIGNS.map((c) => [sid(c.sourceId), c.ticketsPer90Days]));
  const views: TicketViewLike[] = [];
  for (const account of data.accounts) {
    const won = pickWinningDeal(data.deals.filter((d) => d.accountId === account.id));
    const mean = (won?.campaignId && load.get(won.campaignId)) || WITHOUT_CAMPAIGN;
    const rng = new Rng(fnv1a(`tickets|${account.id}`));
    // Spread around the mean: from half of it to half again as many.
    const count = Math.max(0, Math.round(mean * (0.5 + rng.int(0, 100) / 100)));
    for (let i = 0; i < count; i++) {
      views.push({
        day: addDays(today, -rng.int(0, 89)),
        ticketKey: `sample|${account.sourceId}-${i + 1}`,
        accountId: account.id,
        kind: rng.weighted(KINDS),
      });
    }
  }
  return views;
}
