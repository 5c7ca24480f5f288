import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FlagForm } from '@/components/FlagForm';
import type { Flag } from '@/core/flags';
import { readPolicy } from '@/core/policy';
import { applyPolicy, policyContext } from '@/services/policy';
import { openDb } from '@/storage/db';
import { technicianItem } from '@/storage/policy-store';
import { sitesItem } from '@/storage/sites';
import { sourcesItem, syncIntervalItem } from '@/storage/source-configs';
import { displaySettings } from '@/storage/settings';
import { loadCredentials, openSecrets } from '@/storage/secrets';

describe('the first flag asks who is flagging, once', () => {
  const sent: unknown[] = [];
  const open = async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const send = async (input: unknown) => {
      sent.push(input);
      return { id: 'bsflag1', status: 'outbox' } as Flag;
    };
    await act(async () => render(<FlagForm flags={[]} send={send} onSent={() => undefined} />, root));
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid=flag-open]')!.click());
    const type = (el: Element, value: string) =>
      act(() => {
        (el as HTMLInputElement).value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const submit = () =>
      act(async () => void root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true })));
    return { root, type, submit };
  };
  beforeEach(async () => {
    sent.length = 0;
    await technicianItem.setValue(null);
  });

  it('asks for a name and email when nobody is known, and keeps them', async () => {
    const f = await open();
    await vi.waitFor(() => expect(f.root.querySelector('[data-testid=flag-who]')).not.toBeNull());
    f.type(f.root.querySelector('input[type=text]')!, 'Sam Tech');
    f.type(f.root.querySelector('input[type=email]')!, 'not an email');
    f.type(f.root.querySelector('textarea')!, 'Five new hires');
    await f.submit();
    expect(f.root.querySelector('[role=alert]')?.textContent).toBe('Give your name and a valid email address.');
    expect(sent).toEqual([]);
    f.type(f.root.querySelector('input[type=email]')!, 'sam@msp.example');
    await f.submit();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(await technicianItem.getValue()).toEqual({ name: 'Sam Tech', email: 'sam@msp.example' });
  });

  it('does not ask when the technician is known', async () => {
    await technicianItem.setValue({ name: 'Sam Tech', email: 'sam@msp.example' });
    const f = await open();
    await vi.waitFor(() => expect(f.root.querySelector('textarea')).not.toBeNull());
    await act(async () => undefined);
    expect(f.root.querySelector('[data-testid=flag-who]')).toBeNull();
  });
});

describe('applying a policy', () => {
  it('adds its sites and sources as managed, keeps the user’s own, and takes back what it drops', async () => {
    const db = openDb('policy-' + Math.random());
    await sitesItem.setValue([{ origin: 'https://mine.example', adapterId: 'detect', addedAt: '2026-01-01' }]);
    await sourcesItem.setValue([{ id: 'hubspot-own', kind: 'hubspot', label: 'Mine', base: 'https://api.hubapi.com' }]);
    const policy = (sites: string[], feed: boolean) =>
      readPolicy(
        {
          helpdeskSites: sites.map((address) => ({ address })),
          ...(feed
            ? {
                dataSources: [
                  {
                    id: 'team',
                    kind: 'feed',
                    settings: { feedUrl: 'https://files.example/f.json', feedHeader: 'Bearer t1' },
                  },
                ],
              }
            : {}),
          syncIntervalMinutes: 60,
          display: { show: { notes: false } },
        },
        policyContext,
      );
    expect(await applyPolicy(db, policy(['https://desk.example'], true))).toEqual(['policy-team']);
    expect((await sitesItem.getValue()).map((s) => [s.origin, !!s.managed])).toEqual([
      ['https://desk.example', true],
      ['https://mine.example', false],
    ]);
    expect((await sourcesItem.getValue()).map((s) => [s.id, !!s.managed])).toEqual([
      ['policy-team', true],
      ['hubspot-own', false],
    ]);
    expect(await loadCredentials(openSecrets(), 'policy-team')).toEqual({ feedHeader: 'Bearer t1' });
    expect(await syncIntervalItem.getValue()).toBe(60);
    expect((await displaySettings.getValue()).show).toMatchObject({ notes: false, deal: true });
    // The same policy again changes nothing and syncs nothing.
    expect(await applyPolicy(db, policy(['https://desk.example'], true))).toEqual([]);
    // The policy drops its source and site: they go; the user's own stay.
    expect(await applyPolicy(db, policy([], false))).toEqual([]);
    expect((await sitesItem.getValue()).map((s) => s.origin)).toEqual(['https://mine.example']);
    expect((await sourcesItem.getValue()).map((s) => s.id)).toEqual(['hubspot-own']);
    expect(await loadCredentials(openSecrets(), 'policy-team')).toBeUndefined();
  });
});
