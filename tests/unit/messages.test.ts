import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  parseMessage,
  messageSchemas,
  type AccountHit,
  type MessageType,
  type PinOutcome,
  type Reply,
  type ReplyTo,
  type ReplyValue,
} from '@/core/messages';
import type { Flag } from '@/core/flags';
import type { SourceStatus } from '@/core/source-status';
import { askBackground } from '@/messaging/ask-background';
import { classifySender } from '@/core/senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const granted = (url: string) => url.startsWith('https://acme.zendesk.com/');

const ref = {
  helpdesk: 'generic',
  ticketId: '1042',
  url: 'https://acme.zendesk.com/agent/tickets/1042',
  company: 'Acme Dental Group',
  contactEmail: 'dana@acmedental.com',
  emails: ['dana@acmedental.com'],
  missing: [],
};

describe('parseMessage', () => {
  it('accepts a well-formed ticket update and a null one', () => {
    expect(parseMessage({ type: 'ticket:update', ref })).toEqual({ type: 'ticket:update', ref });
    expect(parseMessage({ type: 'ticket:update', ref: null })).toEqual({ type: 'ticket:update', ref: null });
  });

  it.each([
    ['no payload', undefined],
    ['a string', 'ticket:update'],
    ['an unknown type', { type: 'sales:dump' }],
    ['an inherited type name', { type: 'constructor' }],
    ['a __proto__ type', JSON.parse('{"type":"__proto__"}')],
    ['a ref of the wrong shape', { type: 'ticket:update', ref: { helpdesk: 'generic' } }],
    ['an upper-case helpdesk id', { type: 'ticket:update', ref: { ...ref, helpdesk: 'Evil Desk' } }],
    ['a company of 10k characters', { type: 'ticket:update', ref: { ...ref, company: 'x'.repeat(10_000) } }],
    ['too many emails', { type: 'ticket:update', ref: { ...ref, emails: Array(51).fill('a@b.co') } }],
  ])('refuses %s', (_label, payload) => {
    expect(parseMessage(payload)).toBeUndefined();
  });

  it('never throws on random payloads', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const values = (): unknown => pick([null, 1, 'x', [], {}, true, { type: pick(Object.keys(messageSchemas)) }, ref]);
    for (let i = 0; i < 2000; i++) {
      const payload = { type: pick([...Object.keys(messageSchemas), 'x', 1, null]), ref: values(), extra: values() };
      expect(() => parseMessage(payload)).not.toThrow();
    }
  });
});

describe('classifySender', () => {
  const content = { id: ID, url: 'https://acme.zendesk.com/agent/tickets/1', frameId: 0, tab: { id: 4 } };

  it('recognises a content script in the top frame of a granted page', () => {
    expect(classifySender(content, ID, ORIGIN, granted)).toBe('content');
  });

  it('tells the sidebar frame inside a tab apart from other extension pages', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN, granted)).toBe('extension-page');
    expect(
      classifySender({ id: ID, url: `${ORIGIN}sidebar.html`, frameId: 3, tab: { id: 4 } }, ID, ORIGIN, granted),
    ).toBe('sidebar');
    // A sidebar page opened on its own (not framed in a tab) has no ticket to ask about.
    expect(classifySender({ id: ID, url: `${ORIGIN}sidebar.html` }, ID, ORIGIN, granted)).toBeUndefined();
  });

  it.each([
    ['another extension', { ...content, id: 'otherextensionidotherextensionid' }],
    ['a sub-frame', { ...content, frameId: 2 }],
    ['a page that is not granted', { ...content, url: 'https://evil.example/agent/tickets/1' }],
    ['no tab', { ...content, tab: undefined }],
    ['no url', { id: ID, frameId: 0, tab: { id: 1 } }],
    ['a lookalike extension origin', { ...content, url: `${ORIGIN.slice(0, -1)}evil.html` }],
  ])('refuses %s', (_label, sender) => {
    expect(classifySender(sender, ID, ORIGIN, granted)).toBeUndefined();
  });

  it('allows each message type only from its sender kinds', () => {
    expect(messageSchemas['ticket:update'].from).toEqual(['content']);
    for (const type of ['sidebar:find', 'sidebar:pin', 'sidebar:flag'] as const)
      expect(messageSchemas[type].from).toEqual(['sidebar', 'panel']);
    for (const type of ['source:sync', 'flags:deliver'] as const)
      expect(messageSchemas[type].from).toEqual(['extension-page']);
  });

  it('takes a sync request with or without the time it was asked, never a negative or non-numeric one', () => {
    expect(parseMessage({ type: 'source:sync', id: 'hubspot-1' })).toEqual({ type: 'source:sync', id: 'hubspot-1' });
    expect(parseMessage({ type: 'source:sync', id: 'hubspot-1', askedAt: 1796206779989 })).toEqual({
      type: 'source:sync',
      id: 'hubspot-1',
      askedAt: 1796206779989,
    });
    expect(parseMessage({ type: 'source:sync', id: 'hubspot-1', askedAt: -5 })).toBeUndefined();
    expect(parseMessage({ type: 'source:sync', id: 'hubspot-1', askedAt: 'now' })).toBeUndefined();
  });

  it('bounds a flag for sales: known kind and urgency, a note, a sane value, and nothing about the ticket', () => {
    const ok = {
      type: 'sidebar:flag',
      draftId: '0123456789abcdef0123456789abcdef',
      kind: 'hardware-refresh',
      note: 'Old scanners',
      value: 9000,
      urgency: 'high',
    };
    expect(parseMessage(ok)).toEqual(ok);
    // The draft's id names the flag: 32 hex digits and nothing else.
    expect(parseMessage({ ...ok, draftId: undefined })).toBeUndefined();
    expect(parseMessage({ ...ok, draftId: '0123456789abcdef0123456789abcde' })).toBeUndefined();
    expect(parseMessage({ ...ok, draftId: '0123456789abcdef0123456789abcdeg' })).toBeUndefined();
    expect(parseMessage({ ...ok, draftId: '../0123456789abcdef0123456789abcd' })).toBeUndefined();
    expect(parseMessage({ ...ok, value: undefined })).toEqual({ ...ok, value: undefined });
    expect(parseMessage({ ...ok, kind: 'free-lunch' })).toBeUndefined();
    expect(parseMessage({ ...ok, urgency: 'asap' })).toBeUndefined();
    expect(parseMessage({ ...ok, note: '' })).toBeUndefined();
    expect(parseMessage({ ...ok, note: 'x'.repeat(2001) })).toBeUndefined();
    expect(parseMessage({ ...ok, value: -5 })).toBeUndefined();
    expect(parseMessage({ ...ok, value: '9000' })).toBeUndefined();
    // The ticket and account come from the background's own record, so extra fields are dropped.
    expect(parseMessage({ ...ok, accountId: 'csv:evil', url: 'https://evil.example' })).toEqual(ok);
  });

  it('bounds what the sidebar may send', () => {
    expect(parseMessage({ type: 'sidebar:find', query: 'acme' })).toEqual({ type: 'sidebar:find', query: 'acme' });
    expect(parseMessage({ type: 'sidebar:find', query: 'x'.repeat(201) })).toBeUndefined();
    expect(parseMessage({ type: 'sidebar:pin', accountId: 42 })).toBeUndefined();
    expect(parseMessage({ type: 'sidebar:pin', accountId: 'csv:1' })).toEqual({
      type: 'sidebar:pin',
      accountId: 'csv:1',
    });
  });
});

describe('reply types beside the schemas', () => {
  it('names the reply every caller gets, per message', () => {
    expectTypeOf<ReplyValue<'ticket:update'>>().toEqualTypeOf<null>();
    expectTypeOf<ReplyValue<'sidebar:find'>>().toEqualTypeOf<AccountHit[]>();
    expectTypeOf<ReplyValue<'sidebar:pin'>>().toEqualTypeOf<PinOutcome>();
    expectTypeOf<ReplyValue<'sidebar:flag'>>().toEqualTypeOf<Flag>();
    expectTypeOf<ReplyValue<'source:sync'>>().toEqualTypeOf<SourceStatus>();
    expectTypeOf<ReplyValue<'flags:deliver'>>().toEqualTypeOf<number>();
    expectTypeOf<ReplyTo<'flags:deliver'>>().toEqualTypeOf<Reply<number>>();
    // A caller's answer is typed by the message it sends, with no assertion of its own.
    expectTypeOf(askBackground<'sidebar:find'>).returns.resolves.toEqualTypeOf<Reply<AccountHit[]> | undefined>();
    // Every message type has one.
    for (const type of Object.keys(messageSchemas) as MessageType[]) expect('reply' in messageSchemas[type]).toBe(true);
  });
});
