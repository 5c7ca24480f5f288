import { describe, expect, it } from 'vitest';
import { parseSiteUrl, sitePattern, siteFor, siteScriptId, type HelpdeskSite } from '@/core/sites';
import { keepSiteScripts, syncSiteScripts, type RegisteredScript } from '@/entrypoints/background/site-scripts';
import { countRecognition } from '@/storage/sites';
import { describeStats } from '@/entrypoints/options/site-text';

describe('parseSiteUrl', () => {
  it.each([
    ['help.example.com', 'https://help.example.com'],
    ['https://help.example.com/tickets/12?x=1', 'https://help.example.com'],
    ['http://help.example.test:8080/', 'http://help.example.test:8080'],
    ['  HTTPS://Help.Example.com  ', 'https://help.example.com'],
  ])('%s -> %s', (input, origin) => {
    expect(parseSiteUrl(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', 'empty'],
    ['ftp://files.example.com', 'scheme'],
    ['https://user:pw@help.example.com', 'credentials'],
    ['intranet', 'host'],
    ['http://[::1', 'notUrl'],
  ])('refuses %j', (input, error) => {
    expect(parseSiteUrl(input)).toMatchObject({ ok: false, error });
  });

  it('makes a port-less match pattern and finds the site of a page', () => {
    expect(sitePattern('http://help.example.test:8080')).toBe('http://help.example.test/*');
    const sites: HelpdeskSite[] = [{ origin: 'https://help.example.com', adapterId: 'halopsa', addedAt: '' }];
    expect(siteFor(sites, 'https://help.example.com/ticket?id=1')?.adapterId).toBe('halopsa');
    expect(siteFor(sites, 'http://help.example.com/ticket?id=1')).toBeUndefined();
    expect(siteFor(sites, 'not a url')).toBeUndefined();
  });
});

describe('syncSiteScripts', () => {
  function fakes(registeredIds: string[], granted: string[]) {
    const registered = new Map<string, RegisteredScript | { id: string }>(registeredIds.map((id) => [id, { id }]));
    return {
      registered,
      scripting: {
        getRegisteredContentScripts: async () => [...registered.values()].map((s) => ({ id: s.id })),
        registerContentScripts: async (scripts: RegisteredScript[]) => scripts.forEach((s) => registered.set(s.id, s)),
        unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id)),
      },
      permissions: {
        contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o)),
      },
    };
  }
  const site = (origin: string): HelpdeskSite => ({ origin, adapterId: 'detect', addedAt: '' });

  it('registers the content script on a granted site and only there', async () => {
    const f = fakes([], ['https://a.example/*']);
    const r = await syncSiteScripts([site('https://a.example'), site('https://b.example')], f.scripting, f.permissions);
    expect(r).toEqual({ registered: ['site:https://a.example'], unregistered: [] });
    expect(f.registered.get('site:https://a.example')).toMatchObject({
      matches: ['https://a.example/*'],
      js: ['content-scripts/helpdesk.js'],
    });
  });

  it('unregisters a site whose permission was revoked, and one that was removed', async () => {
    const f = fakes(
      [siteScriptId('https://a.example'), siteScriptId('https://b.example'), 'other-script'],
      ['https://b.example/*'],
    );
    const r = await syncSiteScripts([site('https://a.example')], f.scripting, f.permissions);
    expect(r.unregistered.sort()).toEqual(['site:https://a.example', 'site:https://b.example']);
    expect([...f.registered.keys()]).toEqual(['other-script']);
  });

  it('runs one at a time across the extension (options page and worker), as Chrome refuses a duplicate id', async () => {
    const make = () => {
      const f = fakes([], ['https://a.example/*']);
      // Like Chrome: answers take a turn of the event loop, and an id registered twice is refused.
      const get = f.scripting.getRegisteredContentScripts;
      f.scripting.getRegisteredContentScripts = async () => (await new Promise((r) => setTimeout(r, 5)), get());
      f.scripting.registerContentScripts = async (scripts) => {
        await new Promise((r) => setTimeout(r, 5));
        for (const x of scripts) if (f.registered.has(x.id)) throw new Error(`Duplicate script ID '${x.id}'`);
        scripts.forEach((x) => f.registered.set(x.id, x));
      };
      return f;
    };
    const sites = async () => [site('https://a.example')];
    // A lock manager like navigator.locks for one name: each run waits for the one before.
    let queue: Promise<unknown> = Promise.resolve();
    const locks = {
      request: (<T>(_name: string, run: () => Promise<T>) =>
        (queue = queue.then(run, run)) as Promise<T>) as LockManager['request'],
    };
    const f = make();
    const [a, b] = await Promise.all([
      keepSiteScripts(sites, f.scripting, f.permissions, locks),
      keepSiteScripts(sites, f.scripting, f.permissions, locks),
    ]);
    expect([a.registered, b.registered]).toEqual([['site:https://a.example'], []]);
    // Without the lock the two runs collide.
    const g = make();
    const both = await Promise.allSettled([
      keepSiteScripts(sites, g.scripting, g.permissions, null),
      keepSiteScripts(sites, g.scripting, g.permissions, null),
    ]);
    expect(both.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect([...g.registered.keys()]).toEqual(['site:https://a.example']);
  });

  it('changes nothing when everything is in step', async () => {
    const f = fakes([siteScriptId('https://a.example')], ['https://a.example/*']);
    expect(await syncSiteScripts([site('https://a.example')], f.scripting, f.permissions)).toEqual({
      registered: [],
      unregistered: [],
    });
  });
});

describe('per-site status', () => {
  it('counts recognitions and missing fields per day, starting afresh each day', () => {
    let stats = countRecognition({}, 'https://a.example', 'zendesk', [], '2026-11-24');
    stats = countRecognition(stats, 'https://a.example', 'zendesk', ['company'], '2026-11-24');
    stats = countRecognition(stats, 'https://a.example', 'zendesk', ['company', 'contactEmail'], '2026-11-24');
    expect(stats['https://a.example']).toEqual({
      day: '2026-11-24',
      recognised: 3,
      helpdesk: 'zendesk',
      missing: { company: 2, contactEmail: 1 },
    });
    expect(describeStats(stats['https://a.example'], '2026-11-24')).toBe(
      'ticket recognised 3 times today; company not found 2 times; contact email not found once',
    );
    stats = countRecognition(stats, 'https://a.example', 'zendesk', [], '2026-11-25');
    expect(stats['https://a.example']).toMatchObject({ recognised: 1, missing: {} });
    expect(describeStats(stats['https://a.example'], '2026-11-26')).toBe('no ticket recognised yet today');
  });
});

describe('a ticket read again more fully', () => {
  it('uncounts the fields found after all, once, and never below zero', async () => {
    const { uncountMissing } = await import('@/storage/sites');
    let stats = countRecognition({}, 'https://a.example', 'halopsa', ['company', 'contactEmail'], 'd');
    stats = uncountMissing(stats, 'https://a.example', ['company'], 'd');
    expect(stats['https://a.example']!.missing).toEqual({ contactEmail: 1 });
    stats = uncountMissing(stats, 'https://a.example', ['company', 'contactEmail'], 'd');
    expect(stats['https://a.example']!.missing).toEqual({});
    expect(uncountMissing(stats, 'https://a.example', ['company'], 'other-day')).toBe(stats);
  });
});
