import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TicketRef } from '@/core/model';
import { mayReport } from '@/core/senders';
import { openDb } from '@/storage/db';
import { loadRecordSet } from '@/storage/record-writes';
import { forgetHeldTabTickets, saveTabTicket } from '@/storage/tab-tickets';
import { findForTab, flagForTab, pinForTab } from '@/services/sidebar-requests';
import { makeSampleData, SAMPLE_FIXED } from '@/sources/sample-data';
import { startPicking } from '@/services/recipes';

/**
 * Every request about "the ticket in my tab" is checked against the sender's tab, the tab's
 * origin and the ticket its content script reported; each is tried here from forged senders.
 */
const ref: TicketRef = {
  helpdesk: 'generic',
  ticketId: '1042',
  url: 'https://help.example.com/tickets/1042',
  company: 'Acme Dental',
  emails: [],
  missing: [],
};
const EVIL = 'https://evil.example/framing-the-sidebar';

// Each test starts as a new worker would: no tab's ticket known.
beforeEach(async () => {
  forgetHeldTabTickets();
  await fakeBrowser.storage.session.clear();
});

async function sampleDb() {
  const db = openDb('checks-' + Math.random());
  await loadRecordSet(db, makeSampleData(), 'sample');
  return db;
}

describe('ticket:update', () => {
  it("takes a ticket only on the reporting page's own origin", () => {
    expect(mayReport(ref, 'https://help.example.com/tickets/1042')).toBe(true);
    expect(mayReport(ref, 'https://help.example.com/other/page')).toBe(true);
    expect(mayReport(null, EVIL)).toBe(true);
    expect(mayReport(ref, EVIL)).toBe(false);
    expect(mayReport(ref, 'http://help.example.com/tickets/1042')).toBe(false);
    expect(mayReport(ref, 'https://help.example.com.evil.example/')).toBe(false);
    expect(mayReport(ref, undefined)).toBe(false);
    expect(mayReport({ ...ref, url: 'not a url' }, 'https://help.example.com/')).toBe(false);
  });
});

describe('sidebar:pin', () => {
  it('pins nothing from a frame whose tab moved to another origin, has no address, or shows no ticket', async () => {
    const db = await sampleDb();
    await saveTabTicket(7, ref, undefined);
    const id = SAMPLE_FIXED.baker.accountId;
    expect(await pinForTab(7, EVIL, id, db)).toEqual({ ok: false, error: 'noTicket' });
    expect(await pinForTab(7, undefined, id, db)).toEqual({ ok: false, error: 'noTicket' });
    expect(await pinForTab(8, ref.url, id, db)).toEqual({ ok: false, error: 'noTicket' });
    expect(await db.pins.count()).toBe(0);
    expect(await pinForTab(7, ref.url, id, db)).toEqual({ ok: true });
    expect(await db.pins.count()).toBe(1);
  });
});

describe('sidebar:find', () => {
  it('searches only for a tab that shows a ticket, on its origin', async () => {
    const db = await sampleDb();
    await expect(findForTab(7, ref.url, 'acme', db)).rejects.toThrow('no ticket on screen');
    await saveTabTicket(7, ref, undefined);
    await expect(findForTab(7, EVIL, 'acme', db)).rejects.toThrow('no ticket on screen');
    await expect(findForTab(7, undefined, 'acme', db)).rejects.toThrow('no ticket on screen');
    await expect(findForTab(8, ref.url, 'acme', db)).rejects.toThrow('no ticket on screen');
    const hits = await findForTab(7, ref.url, 'acme', db);
    expect(hits.map((h) => h.title)).toContain(SAMPLE_FIXED.acme.name);
  });
});

describe('sidebar:flag', () => {
  it('flags nothing from a frame whose tab moved to another origin', async () => {
    const db = await sampleDb();
    await saveTabTicket(7, { ...ref, contactEmail: 'dana@acmedental.com' }, undefined);
    const input = {
      draftId: '0123456789abcdef0123456789abcdef',
      kind: 'upsell',
      note: 'x',
      urgency: 'normal',
    } as const;
    await expect(flagForTab(7, EVIL, input, async () => undefined, db)).rejects.toThrow('no ticket on screen');
    await expect(flagForTab(8, ref.url, input, async () => undefined, db)).rejects.toThrow('no ticket on screen');
    expect(await db.flags.count()).toBe(0);
  });
});

describe('recipe:start', () => {
  it('starts picking from a frame only in a tab that shows a ticket, on its origin', async () => {
    const executeScript = vi.fn(async () => []);
    Object.assign(fakeBrowser, { scripting: { executeScript } });
    await expect(startPicking(7, ref.url)).rejects.toThrow('no ticket on screen');
    await saveTabTicket(7, ref, undefined);
    await expect(startPicking(7, EVIL)).rejects.toThrow('no ticket on screen');
    await expect(startPicking(7, undefined)).rejects.toThrow('no ticket on screen');
    await expect(startPicking(8, ref.url)).rejects.toThrow('no ticket on screen');
    expect(executeScript).not.toHaveBeenCalled();
    expect(await startPicking(7, ref.url)).toBeNull();
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/show-me-where.js'] });
  });
});
