// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { runSync } from '@/sources/run-sync';
import { feedHeaders, feedUrls, parseFeed } from '@/sources/team-feed';
import { openDb, type BackstoryDB } from '@/storage/db';
import { countsByKind } from '@/storage/record-store';
import type { SourceConfig } from '@/storage/source-configs';
import { salesRows } from './stored-records';
import { thrown, wordedRun, said } from './worded';

const URL_ = 'https://files.example.com/backstory/feed.json';
const backup = (name: string, other = true) =>
  JSON.stringify({
    format: 'backstory-backup',
    version: 1,
    exportedAt: '2026-12-01T10:00:00.000Z',
    records: {
      accounts: [
        { id: 'csv:a1', source: 'csv', sourceId: 'a1', name, aliases: [], domains: ['acme.example'], externalIds: {} },
        ...(other
          ? [
              {
                id: 'hub:a1',
                source: 'hub',
                sourceId: 'a1',
                name: 'Other Co',
                aliases: [],
                domains: [],
                externalIds: {},
              },
            ]
          : []),
      ],
      contacts: [],
      campaigns: [],
      deals: [
        {
          id: 'csv:d1',
          source: 'csv',
          sourceId: 'd1',
          accountId: 'csv:a1',
          name: 'Managed IT',
          currency: 'USD',
          stage: 'Closed Won',
          promises: [],
        },
      ],
      notes: [],
    },
    pins: [],
  });

/** A feed server: answers with the current body, 304 when the validators match. */
function server() {
  const state = {
    body: backup('Acme Dental'),
    etag: '"v1"',
    lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    status: 200,
    seen: [] as Record<string, string>[],
  };
  const fetcher = (async (_url: string, init: RequestInit) => {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    state.seen.push(headers);
    if (state.status !== 200) return new Response('down', { status: state.status });
    if (headers['If-None-Match'] === state.etag) return new Response(null, { status: 304 });
    return new Response(state.body, {
      status: 200,
      headers: { etag: state.etag, 'last-modified': state.lastModified },
    });
  }) as typeof fetch;
  return { state, fetch: fetcher };
}

let db: BackstoryDB;
const config: SourceConfig = {
  id: 'policy-feed',
  kind: 'feed',
  label: 'Feed',
  base: 'https://files.example.com',
  settings: { feedUrl: URL_ },
};
beforeEach(() => {
  db = openDb('feed-' + Math.random());
});

describe('team feed', () => {
  it('imports a backup, then asks conditionally and keeps the data on 304', async () => {
    const { state, fetch } = server();
    const first = await runSync(db, config, { feedHeader: 'Bearer s3cret' }, { fetch });
    expect(first.run).toMatchObject({ ok: true, changedAt: '2026-12-01T10:00:00.000Z' });
    expect(said(first.run)).toBe('2 accounts, 0 contacts, 1 deal, 0 notes');
    expect(state.seen[0]).toEqual({ Authorization: 'Bearer s3cret' });
    // Two sources' "a1" stay apart, and the deal still points at its account.
    const deal = await salesRows(db).deals.get('policy-feed:csv:d1');
    expect(deal?.accountId).toBe('policy-feed:csv:a1');
    expect((await salesRows(db).accounts.get('policy-feed:csv:a1'))?.name).toBe('Acme Dental');

    const second = await runSync(db, config, { feedHeader: 'Bearer s3cret' }, { fetch });
    expect(state.seen[1]).toMatchObject({
      'If-None-Match': '"v1"',
      'If-Modified-Since': 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    expect(second.run.ok).toBe(true);
    expect(said(second.run)).toBe('unchanged; 2 accounts, 0 contacts, 1 deal, 0 notes');
    expect(second.run.changedAt).toBe('2026-12-01T10:00:00.000Z');
    expect(await countsByKind(db, 'policy-feed')).toMatchObject({ account: 2, deal: 1 });
  });

  it('keeps the last good data when the feed is broken or unreachable', async () => {
    const { state, fetch } = server();
    await runSync(db, config, undefined, { fetch });
    state.body = backup('Acme Dental').replace('"Managed IT"', '42');
    state.etag = '"v2"';
    const broken = await runSync(db, config, undefined, { fetch });
    expect(broken.run.ok).toBe(false);
    expect(broken.run.error).toMatchObject({ code: 'feedBroken', importError: { file: 'feed.json' } });
    expect(wordedRun(broken.run)).toMatch(
      /^the feed is broken, nothing was read: feed\.json.*records\.deals\[0\]\.name: expected string/,
    );
    state.status = 503;
    const down = await runSync(db, config, undefined, { fetch });
    expect(down.run).toMatchObject({
      ok: false,
      error: { code: 'feedAnswered', args: ['files.example.com/backstory/feed.json', '503'] },
    });
    expect(wordedRun(down.run)).toBe('the feed files.example.com/backstory/feed.json answered 503');
    expect(await countsByKind(db, 'policy-feed')).toMatchObject({ account: 2, deal: 1 });
    // Fixed: read in full again, replacing the old records (one account left).
    state.status = 200;
    state.body = backup('Acme Dental Group', false);
    const fixed = await runSync(db, config, undefined, { fetch });
    expect(said(fixed.run)).toBe('1 account, 0 contacts, 1 deal, 0 notes');
    expect((await salesRows(db).accounts.get('policy-feed:csv:a1'))?.name).toBe('Acme Dental Group');
  });

  it('reads CSV exports with the import mapping, references resolved within the feed, all or nothing', () => {
    const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
    const set = parseFeed([
      file('accounts.csv', 'id,name,domains\na1,Acme Dental,acme.example\n'),
      file('deals.csv', 'id,accountId,name,currency,stage\nd1,a1,Managed IT,USD,Closed Won\n'),
    ]);
    expect(set.deals[0]).toMatchObject({ id: 'feed:d1', accountId: 'feed:a1' });
    expect(
      thrown(() =>
        parseFeed([file('deals.csv', 'id,accountId,name,currency,stage\nd1,a9,Managed IT,USD,Closed Won\n')]),
      ),
    ).toBe(
      'the feed is broken, nothing was read: deals.csv line 2, column "accountId": no account with id "a9" in the feed',
    );
  });

  it('takes https addresses on one server, and a header as a bearer token or named', () => {
    expect(thrown(() => feedUrls({ feedUrl: 'http://files.example.com/f.json' }))).toMatch(/not an https address/);
    expect(thrown(() => feedUrls({ feedUrl: 'https://a.example/x.csv https://b.example/y.csv' }))).toMatch(
      /same server/,
    );
    expect(feedHeaders({ feedHeader: 'X-Api-Key: abc' })).toEqual({ 'X-Api-Key': 'abc' });
    expect(feedHeaders({ feedHeader: 'Bearer abc' })).toEqual({ Authorization: 'Bearer abc' });
    expect(feedHeaders({})).toEqual({});
  });
});
