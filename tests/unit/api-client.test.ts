// The plumbing the live-source clients share (sources/api-client.ts).
import { describe, expect, it } from 'vitest';
import {
  checkEach,
  eachPage,
  failedCheck,
  nextCursor,
  nextPosition,
  noteHtml,
  PageRecords,
  readAll,
  refusalAs,
  unlessForbidden,
  withTokenRenewedOnce,
} from '@/sources/api-client';
import { AuthError, HttpError, NetworkError, PermissionError, SourceError } from '@/sources/http';
import type { ConnectionCheck, SourcePage } from '@/sources/live-source';
import { note } from '@/core/source-notes';

describe('a page of a read', () => {
  it('keeps mapped records, counts the refused ones, and says where the read goes on', () => {
    const out = new PageRecords();
    out.keep(out.records.notes, { id: 'n' } as never);
    out.keep(out.records.notes, undefined);
    out.keep(out.records.deals, undefined);
    expect(out.page(nextPosition(1, 3, 'x'))).toMatchObject({ skipped: 2, next: { step: 1, after: 'x' } });
    expect(out.records.notes).toHaveLength(1);
    expect(nextPosition(1, 3)).toEqual({ step: 2 });
    expect(nextPosition(2, 3)).toBeNull();
  });

  it('reads all pages together', async () => {
    async function* pages(): AsyncGenerator<SourcePage> {
      for (const n of [1, 2]) {
        const out = new PageRecords();
        out.keep(out.records.accounts, { id: `a${n}` } as never);
        out.keep(out.records.accounts, undefined);
        out.warnings.push(note('salesforceUsage', n, 100));
        yield out.page(null);
      }
    }
    const all = await readAll(pages());
    expect(all.records.accounts.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(all).toMatchObject({
      skipped: 2,
      warnings: [
        { code: 'salesforceUsage', args: ['1', '100'] },
        { code: 'salesforceUsage', args: ['2', '100'] },
      ],
    });
  });
});

describe('paging', () => {
  it('asks from the first page until a page names no next one', async () => {
    const asked: (number | undefined)[] = [];
    const lists: number[][] = [];
    for await (const list of eachPage(async (at: number | undefined) => {
      asked.push(at);
      const page = at ?? 0;
      return { items: [page], ...(page < 2 ? { next: page + 1 } : {}) };
    }))
      lists.push(list);
    expect(asked).toEqual([undefined, 1, 2]);
    expect(lists).toEqual([[0], [1], [2]]);
  });

  it('ends a cursor list on an empty cursor or the one just asked with', () => {
    expect(nextCursor('b', 'a')).toEqual({ next: 'b' });
    expect(nextCursor('a', 'a')).toEqual({});
    expect(nextCursor('', undefined)).toEqual({});
    expect(nextCursor(7, undefined)).toEqual({});
  });
});

describe('errors', () => {
  it('does without a part the key may not read, and nothing else', async () => {
    expect(await unlessForbidden(Promise.reject(new PermissionError('no', 403)), 'fallback')).toBe('fallback');
    await expect(unlessForbidden(Promise.reject(new AuthError('no', 401)), 'fallback')).rejects.toThrow(AuthError);
  });

  it("puts a refusal of the named statuses in the vendor's own words", async () => {
    const words = (e: HttpError) => new AuthError(`own words (${e.status})`, e.status);
    await expect(refusalAs(Promise.reject(new HttpError('x', 400)), [400, 401], words)).rejects.toThrow(
      'own words (400)',
    );
    await expect(refusalAs(Promise.reject(new HttpError('x', 404)), [400, 401], words)).rejects.toThrow(/^x$/);
  });

  it('fetches a new token once when the API rejects the one it has', async () => {
    let tokens = 0;
    const forgotten: number[] = [];
    const used: string[] = [];
    const answer = await withTokenRenewedOnce(
      async () => `t${++tokens}`,
      () => forgotten.push(tokens),
      async (token) => {
        used.push(token);
        if (token === 't1') throw new AuthError('expired', 401);
        return 'ok';
      },
    );
    expect([answer, used, forgotten]).toEqual(['ok', ['t1', 't2'], [1]]);
    await expect(
      withTokenRenewedOnce(
        async () => 't',
        () => undefined,
        () => Promise.reject(new AuthError('refused', 401)),
      ),
    ).rejects.toThrow('refused');
  });

  it('escapes a note for HTML and keeps its lines', () => {
    expect(noteHtml('<b>&"\'\nx')).toBe('&#60;b&#62;&#38;&#34;&#39;<br>x');
  });
});

describe('connection checks', () => {
  it('goes on past a missing permission and stops at anything else', async () => {
    const checks: ConnectionCheck[] = [];
    const tried = await checkEach(checks, [
      ['owners', async () => 1],
      [{ object: 'Campaign' }, () => Promise.reject(new PermissionError('may not read b', 403)), true],
      ['deals', () => Promise.reject(new NetworkError('unreachable'))],
      ['notes', async () => 1],
    ]);
    expect(tried).toBe(false);
    expect(checks).toEqual([
      { what: 'owners', ok: true },
      { what: 'object', name: 'Campaign', ok: false, message: 'may not read b', optional: true },
      { what: 'deals', ok: false, message: 'unreachable' },
    ]);
  });

  it("gives the error's code and arguments, or a failure's own words", () => {
    const e = new HttpError('refused', 400, undefined, { code: 'refused', args: ['h', '400'] });
    expect(failedCheck('deals', e)).toEqual({
      what: 'deals',
      ok: false,
      message: 'refused',
      error: { code: 'refused', args: ['h', '400'] },
    });
    expect(failedCheck('file', new SourceError('feedNoAddress'), false, { name: 'a.csv' })).toMatchObject({
      what: 'file',
      name: 'a.csv',
      error: { code: 'feedNoAddress', args: [] },
    });
    expect(failedCheck('campaigns', e, true, { words: () => ({ code: 'campaignsScope', args: ['s'] }) })).toEqual({
      what: 'campaigns',
      ok: false,
      message: 'campaignsScope (s)',
      error: { code: 'campaignsScope', args: ['s'] },
      optional: true,
    });
  });
});
