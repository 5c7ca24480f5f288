import { describe, expect, it } from 'vitest';
import {
  ADAPTERS,
  SPECIFIC_ADAPTERS,
  adapterFor,
  detectTicket,
  isCertainTicketUrl,
  mayBeTicketUrl,
  mergeFallback,
} from '@/adapters';
import { examplesOf } from '@/adapters/examples';
import { HOSTED_HELPDESK_MATCHES } from '@/adapters/hosts';
import type { GetJson } from '@/adapters/types';
import { matchesAny } from '@/adapters/url-match';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { fixtureFiles, readFixture } from '../helpdesk-fixtures';

/** Every detector against every example URL and every fixture page (refined-github style). */

const fixtureList = fixtureFiles();
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('adapter registry', () => {
  it('has unique ids', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(SPECIFIC_ADAPTERS.map((a) => [a.id, a] as const))(
    '%s: hosted domains reach the manifest list (or it runs self-hosted)',
    (_id, adapter) => {
      for (const pattern of adapter.hosted) expect(HOSTED_HELPDESK_MATCHES).toContain(pattern);
      expect(adapter.hosted.length > 0 || adapter.selfHosted).toBe(true);
    },
  );
});

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s URL detector', (id, adapter) => {
  const { examples, nonExamples } = examplesOf(id);
  it('has examples', () => expect(examples.length).toBeGreaterThan(0));
  it.each(examples.map((e) => [e.url, e] as const))('recognises %s', (_url, example) => {
    const url = new URL(example.url);
    expect(adapter.isTicketUrl(url)).toBe(true);
    expect(mayBeTicketUrl(url)).toBe(true);
    expect(isCertainTicketUrl(url)).toBe(true);
    // Exactly this adapter claims it (the generic one only when no specific one does).
    expect(adapterFor(url)?.id ?? 'generic').toBe(id);
    if (example.ticketId)
      expect(adapter.read(parse('<html><body></body></html>'), url).ticketId).toBe(example.ticketId);
  });
  it.each(nonExamples.map((u) => [u] as const))('does not take %s for a ticket', (u) => {
    expect(adapter.isTicketUrl(new URL(u))).toBe(false);
  });
});

describe.each(fixtureList.map((f) => [f] as const))('fixture %s', (file) => {
  const { html, expect: want } = readFixture(file);
  const doc = parse(html);
  const url = new URL(want.url);

  it('is claimed by exactly the right adapter, which reads the right ticket', () => {
    const ref = detectTicket(doc, url, want.site);
    if (want.helpdesk === null) return expect(ref).toBeNull();
    expect(ref?.helpdesk).toBe(want.helpdesk);
    for (const key of ['ticketId', 'company', 'contactName', 'contactEmail'] as const) {
      if (want[key] === undefined) continue;
      expect(ref?.[key], key).toBe(want[key] ?? undefined);
    }
    if (want.missing) expect(ref?.missing).toEqual(expect.arrayContaining(want.missing));
  });

  it('is read only where its URL may show a ticket, and always where the URL is sure', () => {
    const empty = parse('<html><body></body></html>');
    for (const site of [undefined, 'detect', 'generic', ...SPECIFIC_ADAPTERS.map((a) => a.id)]) {
      // On a site the user added ("detect", "generic") any page may show a ticket number.
      const added = site === 'detect' || site === 'generic';
      if (detectTicket(doc, url, site)) expect(mayBeTicketUrl(url, added), site).toBe(true);
      // The sidebar starts loading on a sure URL before the page is parsed: a ticket it must be.
      if (isCertainTicketUrl(url, site)) expect(detectTicket(empty, url, site), site).not.toBeNull();
    }
  });

  it('is not also claimed by another adapter on its hosted domain', () => {
    const others = SPECIFIC_ADAPTERS.filter(
      (a) => a.id !== want.helpdesk && matchesAny(url.href, a.hosted) && a.isTicketUrl(url),
    );
    expect(others.map((a) => a.id)).toEqual([]);
  });

  // Only fixtures that declare API answers get this test (no skipped placeholders).
  if (want.api)
    it('fills what the page lacks from the help desk API', async () => {
      const adapter = ADAPTERS.find((a) => a.id === want.helpdesk)!;
      expect(adapter.readApi).toBeDefined();
      const getJson: GetJson = async (path) => {
        if (!want.api || !Object.hasOwn(want.api, path)) throw new Error(`404 ${path}`);
        return want.api[path];
      };
      const reading = adapter.read(doc, url);
      mergeFallback(reading, await adapter.readApi!(url, reading, getJson));
      if (want.company) expect(reading.company).toBe(want.company);
      if (want.contactEmail) expect(reading.contactEmail?.toLowerCase()).toBe(want.contactEmail);
    });
});

describe("mayBeTicketUrl: the whole of the content script's work on other pages", () => {
  it.each([
    'https://northwind.zendesk.com/agent/filters/360001',
    'https://northwind.zendesk.com/agent/dashboard',
    'https://help.example.com/tickets',
    'https://help.example.com/tickets?page=2',
    'https://help.example.com/',
    'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US',
  ])('says no for %s', (u) => {
    expect(mayBeTicketUrl(new URL(u))).toBe(false);
  });
  it('says maybe for a page named after a ticket (its heading decides)', () => {
    expect(mayBeTicketUrl(new URL('https://help.example.com/ticket-view.php'))).toBe(true);
  });
});

describe('matchesAny', () => {
  // The same answers as WXT's MatchPattern (which it replaces to keep the content script small).
  const patterns = [
    ...HOSTED_HELPDESK_MATCHES,
    '*://*.zendesk.com/*',
    'http://127.0.0.1/*',
    'http://localhost/*',
    '*://*.test/*',
    'https://*/*',
    '*://*/*',
    '<all_urls>',
    'https://bms.kaseya.com/MSP/*',
  ];
  const urls = [
    'https://northwind.zendesk.com/agent/tickets/1',
    'https://zendesk.com/x',
    'http://northwind.zendesk.com/',
    'https://evilzendesk.com/',
    'https://zendesk.com.evil.example/',
    'https://bms.kaseya.com/MSP/TicketEdit.aspx?ID=1',
    'https://bms.kaseya.com/other',
    'https://eu.bms.kaseya.com/MSP/',
    'http://127.0.0.1:5173/spa/ticket/1',
    'http://localhost:8080/',
    'https://localhost/',
    'http://help.desk.test/tickets/1',
    'ftp://x.zendesk.com/',
    'https://NorthWind.ZenDesk.com/agent',
    'chrome-extension://abc/sidebar.html',
    'file:///tmp/x.html',
  ];
  it.each(patterns.map((p) => [p] as const))('matches %s as WXT does', (pattern) => {
    for (const u of urls) {
      let want = false;
      try {
        want = new MatchPattern(pattern).includes(u);
      } catch {
        want = false;
      }
      expect(matchesAny(u, [pattern]), u).toBe(want);
    }
  });
  it('matches nothing for a bad pattern or a bad URL', () => {
    expect(matchesAny('https://a.example/', ['https://a.example'])).toBe(false);
    expect(matchesAny('not a url', ['<all_urls>'])).toBe(false);
  });
});

describe('enrichFromApi', () => {
  it('fills company and email from the help desk API and takes them off the missing list', async () => {
    const { enrichFromApi } = await import('@/adapters');
    const url = new URL('https://northwind.halopsa.com/ticket?id=9');
    const ref = detectTicket(parse('<html><body><h1>9 - Printer</h1></body></html>'), url)!;
    expect(ref.missing).toEqual(expect.arrayContaining(['company', 'contactEmail']));
    const better = await enrichFromApi(ref, url, async (path) => {
      expect(path).toBe('/api/tickets/9');
      return { client_name: 'Acme Dental Group', emailfrom: 'dana@acmedental.com', user_name: 'Dana Whitfield' };
    });
    expect(better).toMatchObject({
      company: 'Acme Dental Group',
      contactEmail: 'dana@acmedental.com',
      contactName: 'Dana Whitfield',
    });
    expect(better.missing).not.toContain('company');
    expect(better.missing).not.toContain('contactEmail');
  });

  it('keeps the page reading and lists the API as missing when the API fails', async () => {
    const { enrichFromApi } = await import('@/adapters');
    const url = new URL('https://northwind.zendesk.com/agent/tickets/5');
    const ref = detectTicket(parse('<html><body></body></html>'), url)!;
    const same = await enrichFromApi(ref, url, async () => {
      throw new Error('401 from /api/v2/tickets/5.json');
    });
    expect(same).toMatchObject({ ticketId: '5', company: undefined });
    expect(same.missing).toContain('api');
  });
});

describe('the help desk API beats the page', () => {
  it('replaces what the adapter read on the page, and notes that they disagreed', async () => {
    const { enrichFromApi } = await import('@/adapters');
    const url = new URL('https://northwind.halopsa.com/ticket?id=9');
    const page = parse(
      '<html><body><main><label for="c">Client</label><input id="c" value="Acme Dental Group"></main></body></html>',
    );
    const ref = detectTicket(page, url)!;
    expect(ref).toMatchObject({ company: 'Acme Dental Group', missing: ['contactEmail'] });
    const better = await enrichFromApi(ref, url, async () => ({
      client_name: 'Riverside Family Clinic',
      emailfrom: 'tom.becker@riversideclinic.org',
    }));
    expect(better).toMatchObject({
      company: 'Riverside Family Clinic',
      contactEmail: 'tom.becker@riversideclinic.org',
      conflict: ['company'],
    });
  });

  it("never fills an API adapter's gaps from text elsewhere on the page (a subject), so the API answers", () => {
    const url = new URL('https://northwind.zendesk.com/agent/tickets/5');
    const page = parse(
      '<html><body><div class="zx-1">Company: Acme Dental Group</div><dl><dt>Requester</dt><dd>dana@acmedental.com</dd></dl></body></html>',
    );
    const ref = detectTicket(page, url)!;
    expect(ref.company).toBeUndefined();
    expect(ref.contactEmail).toBeUndefined();
    expect(ref.missing).toEqual(expect.arrayContaining(['company', 'contactEmail']));
  });
});

describe('adapters/dom.ts', () => {
  it('is shared by every adapter and imports nothing from the generic adapter', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync('adapters/dom.ts', 'utf8');
    expect(source).not.toMatch(/from '\.\/generic'|from '@\/adapters\/generic'/);
    expect(readFileSync('adapters/generic.ts', 'utf8')).toMatch(/from '\.\/dom'/);
  });
});
