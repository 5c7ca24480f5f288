import { beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageSchemas, type MessageType, type Request, type SenderKind } from '@/core/messages';
import type { SenderInfo } from '@/core/senders';
import type { TicketRef } from '@/core/model';
import { ticketKey } from '@/core/story-port';
import { contentScriptMatches } from '@/adapters/hosts';
import { getDb } from '@/storage/db';
import { loadRecordSet } from '@/storage/record-writes';
import { recipesItem, siteStatsItem, sitesItem } from '@/storage/sites';
import { forgetHeldTabTickets, saveTabTicket, tabTicketItem } from '@/storage/tab-tickets';
import { makeSampleData, SAMPLE_FIXED } from '@/sources/sample-data';
import { createRouter } from '@/entrypoints/background/router';
import { syncSource } from '@/entrypoints/background/source-sync';
import { deliverFlags } from '@/entrypoints/background/flag-delivery-alarm';
import { clearEverything, commitStagedImport, loadSample, removeLiveSource } from '@/services/data-writes';
import { markHandedOver } from '@/services/flags';
import { clearTicketViews } from '@/services/ticket-views';
import { forgetMatchMemory } from '@/background-caches/match-memory';

/**
 * The background's message router (entrypoints/background/router.ts), as the browser calls it:
 * every message type from forged senders (the wrong kind, another extension, a sub-frame, a page
 * not granted, the wrong tab, a tab on another origin, a tab with no ticket on screen), each
 * refused, beside the sender it is meant for, accepted. The services' own checks are tried
 * directly in sender-checks.test.ts; here, that the router applies them to what the browser says
 * of the sender (never what the message says).
 *
 * The extension pages' requests are stood in for (they sync, deliver, import and clear): only
 * whether the router lets them through is asked here. The sidebar's and the content script's go
 * to the real services, over the sample data.
 */
vi.mock('@/entrypoints/background/source-sync', async (original) => ({
  ...(await original<object>()),
  syncSource: vi.fn(async () => ({ state: 'idle' })),
}));
vi.mock('@/entrypoints/background/flag-delivery-alarm', async (original) => ({
  ...(await original<object>()),
  deliverFlags: vi.fn(async () => 0),
}));
vi.mock('@/services/data-writes', async (original) => ({
  ...(await original<object>()),
  commitStagedImport: vi.fn(async () => ({ ok: true })),
  loadSample: vi.fn(async () => ({ accounts: 1 })),
  clearEverything: vi.fn(async () => undefined),
  removeLiveSource: vi.fn(async () => undefined),
}));
vi.mock('@/services/ticket-views', async (original) => ({
  ...(await original<object>()),
  clearTicketViews: vi.fn(async () => null),
}));
vi.mock('@/services/flags', async (original) => ({
  ...(await original<object>()),
  markHandedOver: vi.fn(async () => 1),
}));

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const PAGE = '0f0e0d0c-0b0a-4908-8706-050403020100';
/** A hosted help desk (the content script's manifest matches) and a site the user added. */
const HOSTED = 'https://acme.zendesk.com';
const ADDED = 'https://help.example.com';
const EVIL = 'https://evil.example';

const ref: TicketRef = {
  helpdesk: 'zendesk',
  ticketId: '1042',
  url: `${HOSTED}/agent/tickets/1042`,
  company: 'Acme Dental Group',
  contactEmail: 'dana@acmedental.com',
  emails: ['dana@acmedental.com'],
  missing: [],
};
const TAB = 7;

const content = (url: string, tabId = TAB, frameId = 0): SenderInfo => ({
  id: ID,
  url,
  frameId,
  tab: { id: tabId, url },
});
const sidebar = (tabUrl: string, tabId = TAB): SenderInfo => ({
  id: ID,
  url: `${ORIGIN}sidebar.html?page=${PAGE}`,
  frameId: 3,
  tab: { id: tabId, url: tabUrl },
});
const popup: SenderInfo = { id: ID, url: `${ORIGIN}popup.html` };
const panel: SenderInfo = { id: ID, url: `${ORIGIN}sidepanel.html` };

/** One sender of each kind, as the browser describes it, on the ticket's own page. */
const senderOf: Record<SenderKind, SenderInfo> = {
  content: content(ref.url),
  sidebar: sidebar(ref.url),
  panel,
  'extension-page': popup,
};

/** Senders that are no kind at all: every message from them is refused. */
const nobody: [string, SenderInfo][] = [
  ['another extension', { ...content(ref.url), id: 'otherextensionidotherextensionid' }],
  ['a content script in a sub-frame', content(ref.url, TAB, 2)],
  ['a content script on a page not granted', content(`${EVIL}/agent/tickets/1042`)],
  ['a content script in no tab', { id: ID, url: ref.url, frameId: 0 }],
  ['the sidebar page in no tab', { id: ID, url: `${ORIGIN}sidebar.html?page=${PAGE}` }],
  ['the side panel page in a tab', { ...panel, tab: { id: TAB, url: `${ORIGIN}sidepanel.html` } }],
  ['a lookalike extension origin', { id: ID, url: `${ORIGIN.slice(0, -1)}evil.html` }],
  ['no address', { id: ID, frameId: 0, tab: { id: TAB } }],
];

const shown = { tabId: TAB, ticket: ticketKey(ref) };
/** A valid message of each type, from the sender kind it is meant for. */
const valid: { [T in MessageType]: Request<T> } = {
  'ticket:update': { type: 'ticket:update', ref, page: PAGE },
  'sidebar:find': { type: 'sidebar:find', query: 'acme' },
  'sidebar:pin': { type: 'sidebar:pin', accountId: SAMPLE_FIXED.baker.accountId },
  'sidebar:flag': {
    type: 'sidebar:flag',
    draftId: '0123456789abcdef0123456789abcdef',
    kind: 'upsell',
    note: 'Wants a second site',
    urgency: 'normal',
  },
  'source:sync': { type: 'source:sync', id: 'hubspot-1' },
  'flags:deliver': { type: 'flags:deliver' },
  'flags:handedOver': { type: 'flags:handedOver', ids: ['f1'] },
  'data:import': { type: 'data:import', stageId: '0f0e0d0c-0b0a-4908-8706-0504030201ff' },
  'data:sample': { type: 'data:sample' },
  'data:clear': { type: 'data:clear' },
  'source:remove': { type: 'source:remove', id: 'hubspot-1' },
  'insights:forget': { type: 'insights:forget' },
  'recipe:start': { type: 'recipe:start' },
  'recipe:save': { type: 'recipe:save', recipe: { company: '.org-name', contactEmail: '.requester' } },
};
const withShown = (type: MessageType) =>
  type === 'sidebar:find' || type === 'sidebar:pin' || type === 'sidebar:flag'
    ? { ...valid[type], shown }
    : valid[type];

type Deps = Parameters<typeof createRouter>[0];
let channel: { ticketChanged: Mock<Deps['channel']['ticketChanged']>; panelShows: Mock<Deps['channel']['panelShows']> };
let getTab: Mock<Deps['getTab']>;
let executeScript: Mock<() => Promise<unknown[]>>;
let route: ReturnType<typeof createRouter>['route'];

beforeAll(async () => {
  await loadRecordSet(getDb(), makeSampleData(), 'sample');
});

beforeEach(async () => {
  vi.clearAllMocks();
  forgetHeldTabTickets();
  await fakeBrowser.storage.session.clear();
  await Promise.all([getDb().pins.clear(), getDb().flags.clear()]);
  // Cleared behind the worker's back: its match memory, once built, would keep the last test's pin.
  forgetMatchMemory();
  channel = { ticketChanged: vi.fn(), panelShows: vi.fn(() => true) };
  getTab = vi.fn(async (id: number) => ({ id, active: true, windowId: 1, url: ref.url }));
  executeScript = vi.fn(async () => []);
  Object.assign(fakeBrowser, {
    scripting: { executeScript },
    tabs: { ...fakeBrowser.tabs, query: async () => [{ id: 12, url: `${ADDED}/t/1` }] },
  });
  await sitesItem.setValue([{ origin: ADDED, adapterId: 'detect', addedAt: '2026-12-01T00:00:00.000Z' }]);
  route = createRouter({
    runtimeId: ID,
    extensionOrigin: ORIGIN,
    contentMatches: contentScriptMatches(false),
    panelInTab: false,
    channel,
    getTab,
  }).route;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

/** What each message type does when it gets through, to see it did not. */
const acted: { [T in MessageType]: () => Promise<unknown> } = {
  'ticket:update': async () => (await tabTicketItem(TAB).getValue()) !== null,
  'sidebar:find': async () => false, // answers only: its reply says whether it got through
  'sidebar:pin': async () => (await getDb().pins.count()) > 0,
  'sidebar:flag': async () => (await getDb().flags.count()) > 0,
  'source:sync': async () => vi.mocked(syncSource).mock.calls.length > 0,
  'flags:deliver': async () => vi.mocked(deliverFlags).mock.calls.length > 0,
  'flags:handedOver': async () => vi.mocked(markHandedOver).mock.calls.length > 0,
  'data:import': async () => vi.mocked(commitStagedImport).mock.calls.length > 0,
  'data:sample': async () => vi.mocked(loadSample).mock.calls.length > 0,
  'data:clear': async () => vi.mocked(clearEverything).mock.calls.length > 0,
  'source:remove': async () => vi.mocked(removeLiveSource).mock.calls.length > 0,
  'insights:forget': async () => vi.mocked(clearTicketViews).mock.calls.length > 0,
  'recipe:start': async () => executeScript.mock.calls.length > 0,
  'recipe:save': async () => Object.keys(await recipesItem.getValue()).length > 0,
};

const TYPES = Object.keys(messageSchemas) as MessageType[];
/**
 * Who may send each message, written out here (not read from core/messages.ts) so that widening
 * a message's senders fails this test until this table and SECURITY.md say so too.
 */
const ALLOWED: Record<MessageType, SenderKind[]> = {
  'ticket:update': ['content'],
  'sidebar:find': ['sidebar', 'panel'],
  'sidebar:pin': ['sidebar', 'panel'],
  'sidebar:flag': ['sidebar', 'panel'],
  'recipe:start': ['sidebar', 'extension-page'],
  'recipe:save': ['content'],
  'source:sync': ['extension-page'],
  'flags:deliver': ['extension-page'],
  'flags:handedOver': ['extension-page'],
  'data:import': ['extension-page'],
  'data:sample': ['extension-page'],
  'data:clear': ['extension-page'],
  'source:remove': ['extension-page'],
  'insights:forget': ['extension-page'],
};
const KINDS = Object.keys(senderOf) as SenderKind[];

describe('every message type', () => {
  it.each(TYPES)(
    '%s: refused from every sender kind it is not meant for, and from senders of no kind',
    async (type) => {
      await saveTabTicket(TAB, type === 'ticket:update' ? null : ref, undefined);
      for (const kind of KINDS.filter((k) => !ALLOWED[type].includes(k))) {
        expect(await route(withShown(type), senderOf[kind]), `${type} from ${kind}`).toBeUndefined();
      }
      for (const [label, sender] of nobody) expect(await route(withShown(type), sender), label).toBeUndefined();
      expect(await acted[type]()).toBe(false);
    },
  );

  it.each(TYPES)('%s: answered for the sender kind it is meant for', async (type) => {
    await saveTabTicket(TAB, type === 'ticket:update' ? null : ref, undefined);
    const kind = ALLOWED[type][0]!;
    const reply = await route(withShown(type), senderOf[kind]);
    expect(reply, `${type} from ${kind}`).toMatchObject({ ok: true });
    if (type !== 'sidebar:find') expect(await acted[type]()).toBe(true);
  });

  it('is allowed from the sender kinds SECURITY.md lists, and no other', () => {
    expect(Object.fromEntries(TYPES.map((t) => [t, messageSchemas[t].from]))).toEqual(ALLOWED);
  });

  it('refuses what does not parse, and a type that does not exist, from any sender', async () => {
    for (const sender of Object.values(senderOf)) {
      expect(await route({ type: 'sales:dump' }, sender)).toBeUndefined();
      expect(await route({ type: 'ticket:update', ref: { helpdesk: 'generic' } }, sender)).toBeUndefined();
      expect(await route(undefined, sender)).toBeUndefined();
    }
  });
});

describe('ticket:update', () => {
  it("stores a report only for the sender's own tab, and only a ticket on the reporting page's origin", async () => {
    await saveTabTicket(8, null, undefined);
    const forged = { ...ref, url: `${ADDED}/tickets/1042` };
    expect(await route({ type: 'ticket:update', ref: forged }, content(`${HOSTED}/agent/tickets/1042`))).toEqual({
      ok: false,
      error: 'a ticket of another site',
    });
    expect(await tabTicketItem(TAB).getValue()).toBeNull();
    expect(channel.ticketChanged).not.toHaveBeenCalled();
    // The message cannot name a tab: the report lands on the sender's.
    expect(await route({ type: 'ticket:update', ref, tabId: 8 }, content(ref.url))).toEqual({ ok: true, value: null });
    expect(await tabTicketItem(TAB).getValue()).toEqual(ref);
    expect(await tabTicketItem(8).getValue()).toBeNull();
    expect(channel.ticketChanged).toHaveBeenCalledWith(TAB);
  });

  it('takes a report from a site the user added, on that site', async () => {
    const added = { ...ref, helpdesk: 'generic', url: `${ADDED}/tickets/5` };
    expect(await route({ type: 'ticket:update', ref: added }, content(`${ADDED}/tickets/5`))).toEqual({
      ok: true,
      value: null,
    });
    expect(await tabTicketItem(TAB).getValue()).toEqual(added);
    await sitesItem.setValue([]);
    expect(await route({ type: 'ticket:update', ref: null }, content(`${ADDED}/tickets/5`))).toBeUndefined();
  });
});

/** The sidebar's requests from a frame in a tab that is on another origin, is another tab, or shows no ticket. */
describe.each([
  ['sidebar:find', async () => 0],
  ['sidebar:pin', () => getDb().pins.count()],
  ['sidebar:flag', () => getDb().flags.count()],
  ['recipe:start', async () => executeScript.mock.calls.length],
] as [MessageType, () => Promise<number>][])('%s from a sidebar frame', (type, effect) => {
  const refused = (reply: unknown) => {
    // A pin's refusal is its own answer; the others fail.
    if (type === 'sidebar:pin') expect(reply).toEqual({ ok: true, value: { ok: false, error: 'noTicket' } });
    else expect(reply).toMatchObject({ ok: false, error: 'no ticket on screen in this tab' });
  };

  it('is refused in a tab that moved to another origin than its ticket', async () => {
    await saveTabTicket(TAB, ref, undefined);
    refused(await route(valid[type], sidebar(`${EVIL}/framing-the-sidebar`)));
    refused(await route(valid[type], { ...sidebar(ref.url), tab: { id: TAB } }));
    expect(await effect()).toBeFalsy();
  });

  it('is refused in a tab that shows no ticket, and never acts on another tab', async () => {
    await saveTabTicket(TAB, null, undefined);
    await saveTabTicket(8, ref, undefined);
    refused(await route(valid[type], sidebar(ref.url, TAB)));
    expect(await effect()).toBeFalsy();
  });

  it("acts on the frame's own tab's ticket, whatever the message adds", async () => {
    await saveTabTicket(TAB, ref, undefined);
    const reply = await route({ ...valid[type], tabId: 8, ref: { ...ref, url: `${EVIL}/x` } }, sidebar(ref.url));
    expect(reply).toMatchObject({ ok: true });
    if (type === 'sidebar:find')
      expect((reply as { value: { title: string }[] }).value.map((h) => h.title)).toContain(SAMPLE_FIXED.acme.name);
    if (type === 'sidebar:pin')
      expect((await getDb().pins.toArray()).map((p) => p.accountId)).toEqual([SAMPLE_FIXED.baker.accountId]);
    if (type === 'sidebar:flag') {
      const [flag] = await getDb().flags.toArray();
      expect(flag).toMatchObject({ accountId: SAMPLE_FIXED.acme.accountId, ticket: { url: ref.url } });
    }
    if (type === 'recipe:start')
      expect(executeScript).toHaveBeenCalledWith({
        target: { tabId: TAB, frameIds: [0] },
        files: ['/show-me-where.js'],
      });
  });
});

describe("ticket:update and the site's daily count", () => {
  const origin = new URL(ref.url).origin;
  const recognised = async () => (await siteStatsItem.getValue())[origin]?.recognised ?? 0;

  it('counts a report sent again after a worker saved its ticket but stopped before counting it, once', async () => {
    await siteStatsItem.setValue({});
    // The stopped worker got as far as saving the tab's ticket; its count and its answer were lost.
    await saveTabTicket(TAB, ref, PAGE);
    await route({ type: 'ticket:update', ref, page: PAGE }, content(ref.url));
    expect(await recognised()).toBe(1);
    // Sent again once more (another lost answer), or read again more fully: not counted twice.
    await route({ type: 'ticket:update', ref, page: PAGE }, content(ref.url));
    await route({ type: 'ticket:update', ref: { ...ref, missing: [] }, page: PAGE }, content(ref.url));
    expect(await recognised()).toBe(1);
  });
});

describe('side panel requests', () => {
  const pin = { type: 'sidebar:pin', accountId: SAMPLE_FIXED.baker.accountId, shown } as const;

  it('act on the tab the panel was pushed, while it is still its window active tab, shown, on the same ticket and origin', async () => {
    await saveTabTicket(TAB, ref, undefined);
    expect(await route(pin, panel)).toEqual({ ok: true, value: { ok: true } });
    expect(getTab).toHaveBeenCalledWith(TAB);
    expect(await getDb().pins.count()).toBe(1);
  });

  it.each([
    ['no longer active', () => getTab.mockResolvedValue({ active: false, windowId: 1, url: ref.url })],
    ['on another origin now', () => getTab.mockResolvedValue({ active: true, windowId: 1, url: `${EVIL}/x` })],
    ['closed', () => getTab.mockRejectedValue(new Error('No tab with id: 7'))],
    ['not shown by its window panel', () => channel.panelShows.mockReturnValue(false)],
  ])('refuse a tab %s', async (_label, arrange) => {
    await saveTabTicket(TAB, ref, undefined);
    arrange();
    expect(await route(pin, panel)).toEqual({ ok: true, value: { ok: false, error: 'moved' } });
    expect(await route({ type: 'sidebar:find', query: 'acme', shown }, panel)).toEqual({
      ok: false,
      error: 'panel:moved',
    });
    expect(await route({ ...valid['sidebar:flag'], shown }, panel)).toEqual({ ok: false, error: 'panel:moved' });
    expect(await getDb().pins.count()).toBe(0);
    expect(await getDb().flags.count()).toBe(0);
  });

  it('refuse a tab that shows another ticket now, and a request that names no tab', async () => {
    await saveTabTicket(TAB, { ...ref, ticketId: '1043', url: `${HOSTED}/agent/tickets/1043` }, undefined);
    expect(await route(pin, panel)).toEqual({ ok: true, value: { ok: false, error: 'moved' } });
    await saveTabTicket(TAB, ref, undefined);
    expect(await route({ type: 'sidebar:pin', accountId: SAMPLE_FIXED.baker.accountId }, panel)).toEqual({
      ok: false,
      error: 'not a side panel request',
    });
    expect(await getDb().pins.count()).toBe(0);
  });
});

describe('recipe:start from the popup', () => {
  it("starts in the current window's active tab", async () => {
    expect(await route(valid['recipe:start'], popup)).toEqual({ ok: true, value: null });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12, frameIds: [0] }, files: ['/show-me-where.js'] });
  });
});

describe('recipe:save', () => {
  it("saves under the sending page's own origin only, whatever origin the message names", async () => {
    const reply = await route(
      { ...valid['recipe:save'], origin: ADDED, url: `${ADDED}/t/1` },
      content(`${HOSTED}/agent/tickets/1042`),
    );
    expect(reply).toEqual({ ok: true, value: null });
    expect(Object.keys(await recipesItem.getValue())).toEqual([HOSTED]);
  });
});
