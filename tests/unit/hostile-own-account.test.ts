import { describe, expect, it } from 'vitest';
import { detectTicket } from '@/adapters';
import { matchTicket } from '@/core/match';
import type { TicketRef } from '@/core/model';
import { sampleAccounts, sampleMatchIndex } from '../sample-match-index';
import { hostilePages, hostileTricks, parseHtml, withTrick, type HostilePage } from '../hostile-pages';

/**
 * The hostile corpus (hostile-corpus.test.ts) accepts "no account" as right on every page. That
 * also passes a reader that drops everything once a trick is present. Here, on every page whose
 * own panel names its account (the generic ticket pages and each help-desk fixture that shows a
 * company or email; not those whose account comes only from the help desk's API), the tricks
 * the reader must see through leave the reading exactly as on the clean page, and the tricks it
 * may refuse as a disagreement either leave the page's own account or say that readings disagreed.
 */

/** Never a field, hidden, or inside a message body the reader knows: the page reads as without them. */
const SEEN_THROUGH = [
  'heading-company',
  'heading-requester',
  'role-heading',
  'subject-known-class',
  'hidden-by-class',
  'visibility-hidden',
  'inline-hidden',
  'known-message-body',
  'bare-email',
];
/** Unlabelled as customer text: they disagree with the page's own fields, and may void them (said so). */
const DISAGREEING = [
  'subject-unknown-class',
  'customer-line',
  'full-width-colon',
  'unknown-message-body',
  'forged-aria',
  'forged-customer-card',
];

const nameOf = (id: string | undefined) => sampleAccounts.find((a) => a.id === id)?.name;
const pages = hostilePages().filter((p) => p.namedOnPage && p.account);
const read = (page: HostilePage, doc: Document) => detectTicket(doc, new URL(page.url), page.site);
/** What matching reads of a ticket report. */
const fields = (ref: TicketRef | null) =>
  ref && { company: ref.company, contactEmail: ref.contactEmail, emails: ref.emails, conflict: ref.conflict };

describe('the corpus', () => {
  it('has every trick in one list or the other, and pages of every kind', () => {
    expect([...SEEN_THROUGH, ...DISAGREEING].sort()).toEqual(hostileTricks.map((t) => t.id).sort());
    expect(pages.length).toBeGreaterThanOrEqual(15);
  });
});

describe.each(pages.map((p) => [p.name, p] as const))('%s', (_name, page) => {
  const clean = read(page, parseHtml(page.html));

  it('shows its own account without a trick', async () => {
    const match = await matchTicket(clean!, sampleMatchIndex);
    expect(match.status).toBe('matched');
    expect(nameOf(match.account)).toBe(page.account);
  });

  it.each(SEEN_THROUGH)('%s: reads the page as without it, and shows its own account', async (id) => {
    const ref = read(
      page,
      withTrick(
        page,
        hostileTricks.find((t) => t.id === id)!,
      ),
    );
    expect(fields(ref)).toEqual(fields(clean));
    const match = await matchTicket(ref!, sampleMatchIndex);
    expect(match.status).toBe('matched');
    expect(nameOf(match.account)).toBe(page.account);
    expect(match.confidence).toBe((await matchTicket(clean!, sampleMatchIndex)).confidence);
  });

  it.each(DISAGREEING)('%s: its own account, or none with the disagreement said', async (id) => {
    const ref = read(
      page,
      withTrick(
        page,
        hostileTricks.find((t) => t.id === id)!,
      ),
    );
    const match = await matchTicket(ref!, sampleMatchIndex);
    const shown = match.status === 'matched' ? nameOf(match.account) : undefined;
    if (shown !== page.account) {
      expect(shown).toBeUndefined();
      expect(ref!.conflict?.length, 'says the readings disagree').toBeGreaterThan(0);
    }
  });
});
