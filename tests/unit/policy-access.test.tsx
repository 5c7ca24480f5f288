import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accessPatterns, patternHost } from '@/core/policy';
import { missingPolicyAccess } from '@/services/policy-access';
import { sitesItem } from '@/storage/sites';
import { sourcesItem } from '@/storage/source-configs';
import { PolicyOffer } from '@/entrypoints/popup/PolicyOffer';
import { showPolicyAccess } from '@/entrypoints/background/policy-watch';

/** The browser's permissions as far as these tests need them: what is granted, and its events. */
function fakePermissions(granted: string[], answer = true) {
  const added: (() => void)[] = [];
  const requests: string[][] = [];
  const permissions = {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o)),
    request: async ({ origins }: { origins: string[] }) => {
      requests.push(origins);
      if (answer) {
        granted.push(...origins);
        for (const fn of added) fn();
      }
      return answer;
    },
    onAdded: { addListener: (fn: () => void) => added.push(fn), removeListener: () => undefined },
    onRemoved: { addListener: () => undefined, removeListener: () => undefined },
  };
  Object.assign(fakeBrowser, { permissions });
  return { requests, granted };
}

const policySetup = async () => {
  await sitesItem.setValue([
    { origin: 'https://support.policy.example', adapterId: 'halopsa', addedAt: '2026-12-01', managed: true },
    { origin: 'https://rt.policy.example:8443', adapterId: 'detect', addedAt: '2026-12-01', managed: true },
    // The technician's own site: Options' site list asks for it, not the organisation's offer.
    { origin: 'https://mine.example', adapterId: 'detect', addedAt: '2026-12-01' },
  ]);
  await sourcesItem.setValue([
    { id: 'policy-feed', kind: 'feed', label: 'Team feed', base: 'https://files.policy.example:444', managed: true },
    { id: 'policy-crm', kind: 'hubspot', label: 'HubSpot', base: 'https://api.hubapi.com', managed: true },
  ]);
};

describe('what the policy needs the browser to allow', () => {
  it('is one host pattern per host, without ports (Firefox takes none), in the policy order', () => {
    expect(
      accessPatterns(
        [{ origin: 'https://support.policy.example' }, { origin: 'http://desk.policy.example:8080' }],
        [{ base: 'https://support.policy.example' }, { base: 'https://files.policy.example:444' }],
      ),
    ).toEqual(['https://support.policy.example/*', 'http://desk.policy.example/*', 'https://files.policy.example/*']);
    expect(patternHost('https://support.policy.example/*')).toBe('support.policy.example');
    expect(patternHost('*://*.test/*')).toBe('*.test');
  });

  it('lists the policy sites and sources the browser has not granted, not the technician’s own', async () => {
    await policySetup();
    fakePermissions(['https://api.hubapi.com/*', 'https://rt.policy.example/*']);
    expect(await missingPolicyAccess()).toEqual(['https://support.policy.example/*', 'https://files.policy.example/*']);
  });
});

describe('the popup offers the same one Allow', () => {
  const open = async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<PolicyOffer />, root));
    await act(() => new Promise((r) => setTimeout(r, 10)));
    return root;
  };
  beforeEach(policySetup);

  it('shows nothing when the browser allows every policy site', async () => {
    fakePermissions([
      'https://support.policy.example/*',
      'https://rt.policy.example/*',
      'https://files.policy.example/*',
      'https://api.hubapi.com/*',
    ]);
    const root = await open();
    expect(root.textContent).toBe('');
  });

  it('names the sites and asks once for all of them; once allowed it says to reload the page', async () => {
    const { requests } = fakePermissions(['https://api.hubapi.com/*']);
    const root = await open();
    const offer = root.querySelector('[data-testid=policy-offer]')!;
    expect(offer.textContent).toContain(
      'Your organisation set up Backstory for support.policy.example, rt.policy.example, files.policy.example',
    );
    const buttons = offer.querySelectorAll('button');
    expect([...buttons].map((b) => b.textContent)).toEqual(['Allow']);
    await act(async () => buttons[0]!.click());
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(requests).toEqual([
      ['https://support.policy.example/*', 'https://rt.policy.example/*', 'https://files.policy.example/*'],
    ]);
    expect(root.querySelector('[data-testid=policy-offer]')).toBeNull();
    expect(root.querySelector('[role=status]')!.textContent).toBe(
      'Allowed. Reload your help-desk page to see Backstory beside its tickets.',
    );
  });

  it('stays, and says so, when the browser refuses', async () => {
    const { requests } = fakePermissions([], false);
    const root = await open();
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid=policy-offer] button')!.click());
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(requests).toHaveLength(1);
    expect(root.querySelector('[data-testid=policy-offer]')).not.toBeNull();
    expect(root.querySelector('[role=status]')!.textContent).toContain('The browser did not allow it');
  });
});

describe('the toolbar button shows what waits for permission', () => {
  const button = () => {
    const calls: Record<string, unknown[]> = { text: [], title: [], color: [] };
    return {
      calls,
      setBadgeText: async (d: { text: string }) => void calls.text!.push(d.text),
      setTitle: async (d: { title: string }) => void calls.title!.push(d.title),
      setBadgeBackgroundColor: async (d: { color: string }) => void calls.color!.push(d.color),
    };
  };
  beforeEach(() => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Backstory',
      version: '1',
      action: { default_title: 'Backstory' },
    });
  });

  it('a badge, and a tooltip naming the sites', async () => {
    const b = button();
    await showPolicyAccess(['https://support.policy.example/*', 'https://files.policy.example/*'], b as never);
    expect(b.calls.text).toEqual(['!']);
    expect(b.calls.title).toEqual([
      'Backstory: your organisation set up support.policy.example, files.policy.example; open to allow it there',
    ]);
  });

  it('none once they are allowed, and the plain name again', async () => {
    const b = button();
    await showPolicyAccess([], b as never);
    expect(b.calls.text).toEqual(['']);
    expect(b.calls.title).toEqual(['Backstory']);
  });
});
