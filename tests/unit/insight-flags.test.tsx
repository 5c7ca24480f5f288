import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { Flag } from '@/core/flags';
import { FLAG_INSIGHT_CSV_COLUMNS, flagInsightRow, flagInsights } from '@/core/insights';
import type { Campaign, Deal } from '@/core/model';
import { getDb } from '@/storage/db';
import { loadInsights } from '@/services/insights';
import { InsightsPanel } from '@/entrypoints/options/InsightsPanel';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const campaigns: Campaign[] = [
  { id: 'c-post', source: 'csv', sourceId: 'c-post', name: 'Spring postcard', channel: 'Postcard mailer' },
];
const deal = (id: string, accountId: string, stage: string, campaignId?: string): Deal => ({
  id,
  source: 'csv',
  sourceId: id,
  accountId,
  campaignId,
  name: id,
  currency: 'USD',
  stage,
  closeDate: '2025-01-01',
  promises: [],
});
const deals = [deal('d1', 'a1', 'Closed Won', 'c-post'), deal('d2', 'a2', 'Closed Lost', 'c-post')];
const flag = (id: string, accountId: string, createdAt: string, extra: Partial<Flag> = {}): Flag => ({
  id,
  createdAt,
  kind: 'more-seats',
  note: 'Asked about five more seats.',
  urgency: 'normal',
  ticket: { helpdesk: 'zendesk', ticketId: '1042', url: 'https://x.zendesk.com/agent/tickets/1042' },
  accountId,
  accountName: accountId === 'a1' ? 'Acme Dental' : 'Baker & Price',
  source: 'csv',
  status: 'outbox',
  attempts: 0,
  ...extra,
});
const flags = [
  flag('flag-1', 'a1', '2026-11-30T10:00:00.000Z', {
    by: { name: 'Sam Tech', email: 'sam@msp.example' },
    value: 9000,
    currency: 'EUR',
  }),
  // From before names were kept: nobody known.
  flag('flag-2', 'a2', '2026-12-01T10:00:00.000Z', { kind: 'churn-risk' }),
];

describe('flags in the insights', () => {
  it('lists each flag, newest first, with the campaign that won the customer and who raised it', () => {
    const rows = flagInsights({ deals, campaigns, flags });
    expect(rows.map((r) => [r.account, r.campaign, r.by])).toEqual([
      // A lost deal won nobody: no campaign.
      ['Baker & Price', '', ''],
      ['Acme Dental', 'Spring postcard', 'Sam Tech <sam@msp.example>'],
    ]);
    expect(flagInsightRow(rows[1]!)).toEqual([
      '2026-11-30T10:00:00.000Z',
      'Acme Dental',
      'Spring postcard',
      'Postcard mailer',
      'more-seats',
      'normal',
      '9000',
      'EUR',
      'outbox',
      'Sam Tech',
      'sam@msp.example',
    ]);
    expect(FLAG_INSIGHT_CSV_COLUMNS).toHaveLength(flagInsightRow(rows[1]!).length);
    expect(FLAG_INSIGHT_CSV_COLUMNS.slice(-2)).toEqual(['flaggedBy', 'flaggedByEmail']);
  });

  it('are loaded with the other insights, and shown on the page with whom to ask', async () => {
    const db = getDb();
    await db.flags.bulkPut(flags);
    expect((await loadInsights(db)).flags.map((f) => f.id)).toEqual(['flag-2', 'flag-1']);

    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<InsightsPanel />, root));
    await vi.waitFor(() => expect(root.querySelector('[data-testid=insights-flags]')).not.toBeNull());
    const table = root.querySelector('[data-testid=insights-flags]')!;
    const by = [...table.querySelectorAll('[data-testid=flagged-by]')];
    expect(by.map((c) => c.textContent)).toEqual(['not recorded', 'Sam Tech <sam@msp.example>']);
    expect(by[1]!.querySelector('a')!.getAttribute('href')).toBe('mailto:sam@msp.example');
    expect(table.querySelector('thead')!.textContent).toContain('Flagged by');
    await db.flags.clear();
  });

  it('follow flags raised and delivered, and tickets counted, while the page is open', async () => {
    const db = getDb();
    await db.flags.clear();
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<InsightsPanel />, root));
    await vi.waitFor(() => expect(root.textContent).toContain('No flags for sales yet.'));
    const statuses = () => [...root.querySelectorAll('[data-testid=flag-insight-status]')].map((c) => c.textContent);

    // A technician flags from a ticket (the background writes it): it appears, waiting to be sent.
    await db.flags.put(flags[0]!);
    await vi.waitFor(() => expect(statuses()).toEqual(['In the outbox']));
    await db.flags.put({ ...flags[1]!, status: 'pending' });
    await vi.waitFor(() => expect(statuses()).toEqual(['Waiting to be sent', 'In the outbox']));
    // The background delivers the waiting one to the CRM.
    await db.flags.update('flag-2', { status: 'delivered', remoteId: 'note-7' });
    await vi.waitFor(() => expect(statuses()).toEqual(['Sent to sales', 'In the outbox']));
    const accounts = [...root.querySelectorAll('[data-testid=insights-flags] tbody th')].map((c) => c.textContent);
    expect(accounts).toEqual(['Baker & Price', 'Acme Dental']);
    // A ticket counted meanwhile (the background counts them) is offered to be forgotten.
    await db.ticketViews.put({ day: '2026-12-01', ticketKey: 'zendesk|1042', accountId: 'a1' });
    await vi.waitFor(() => expect(root.textContent).toContain('Forget the 1 counted ticket views'));
    await db.ticketViews.clear();
    await act(async () => render(null, root));
    await db.flags.clear();
  });

  it('ask the background, the only writer, to forget the counted tickets', async () => {
    const db = getDb();
    await db.ticketViews.put({ day: '2026-12-01', ticketKey: 'zendesk|1042', accountId: 'a1' });
    const asked: unknown[] = [];
    // The background's answer: it forgets them (services/ticket-views.ts), the page does not.
    fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
      asked.push(message);
      await db.ticketViews.clear();
      return { ok: true, value: null };
    }) as typeof fakeBrowser.runtime.sendMessage;
    const clear = vi.spyOn(db.ticketViews, 'clear');
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<InsightsPanel />, root));
    const forget = () => [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Forget the 1'));
    await vi.waitFor(() => expect(forget()).toBeDefined());
    await act(async () => forget()!.click());
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid=insights-note]')?.textContent).toBe('The counted tickets were deleted.'),
    );
    expect(asked).toEqual([{ type: 'insights:forget' }]);
    // Cleared once, by the stand-in background above: never by the page itself.
    expect(clear).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(forget()).toBeUndefined());
    clear.mockRestore();
    await act(async () => render(null, root));
  });
});
