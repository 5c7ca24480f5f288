import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hostPattern, sitePattern } from '@/core/sites';
import { sourcesItem } from '@/storage/source-configs';
import { SourcesPanel } from '@/entrypoints/options/SourcesPanel';

/** The browser's permissions: what was asked for, answered `answer`; and a background that answers. */
function fakeBrowserParts(answer: boolean) {
  const requests: string[][] = [];
  Object.assign(fakeBrowser, {
    permissions: {
      contains: async () => false,
      request: async ({ origins }: { origins: string[] }) => {
        requests.push(origins);
        return answer;
      },
    },
  });
  const messages: unknown[] = [];
  Object.assign(fakeBrowser.runtime, {
    sendMessage: async (m: unknown) => {
      messages.push(m);
      return { ok: true };
    },
  });
  return { requests, messages };
}

const open = async () => {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<SourcesPanel />, root));
  const form = root.querySelector('form')!;
  const choose = (kind: string) =>
    act(() => {
      const select = form.querySelector('select')!;
      select.value = kind;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
  /** Types into the form's inputs in order (label first). */
  const fill = (...values: string[]) =>
    act(() => {
      const inputs = [...form.querySelectorAll('input')];
      values.forEach((v, i) => {
        inputs[i]!.value = v;
        inputs[i]!.dispatchEvent(new Event('input', { bubbles: true }));
      });
    });
  const click = (name: string) =>
    act(async () => [...form.querySelectorAll('button')].find((b) => b.textContent === name)!.click());
  const submit = () => act(async () => void form.dispatchEvent(new Event('submit', { cancelable: true })));
  return { root, choose, fill, click, submit };
};

describe('a hand-added source on a port', () => {
  it('has a host pattern without the port (match patterns carry none), for sites and sources alike', () => {
    expect(hostPattern('https://crm.example.com:8443')).toBe('https://crm.example.com/*');
    expect(hostPattern('https://crm.example.com:8443/v4_6_release/apis/3.0')).toBe('https://crm.example.com/*');
    expect(hostPattern('http://127.0.0.1:5173')).toBe('http://127.0.0.1/*');
    expect(sitePattern('https://help.example.com:444')).toBe('https://help.example.com/*');
  });

  it('asks the browser for the host without the port, and keeps the port in the source’s address', async () => {
    const { requests, messages } = fakeBrowserParts(true);
    const f = await open();
    await f.choose('connectwise');
    await f.fill('Our PSA', 'https://crm.example.com:8443', 'msp', 'client-1', 'pub', 'priv');
    await f.submit();
    await vi.waitFor(async () => expect(await sourcesItem.getValue()).toHaveLength(1));
    expect(requests).toEqual([['https://crm.example.com/*']]);
    const [saved] = await sourcesItem.getValue();
    expect(saved).toMatchObject({ kind: 'connectwise', label: 'Our PSA', base: 'https://crm.example.com:8443' });
    expect(saved!.settings).toMatchObject({ site: 'https://crm.example.com:8443' });
    await vi.waitFor(() => expect(messages).toContainEqual(expect.objectContaining({ type: 'source:sync' })));
  });

  it('asks the same when testing the connection of a team feed on a port, and names the address when refused', async () => {
    const { requests } = fakeBrowserParts(false);
    const f = await open();
    await f.choose('feed');
    await f.fill('Team feed', 'https://files.example.com:8443/backstory/feed.json');
    await f.click('Test connection');
    await vi.waitFor(() => expect(f.root.querySelector('[data-testid=sources-note]')).not.toBeNull());
    expect(requests).toEqual([['https://files.example.com/*']]);
    expect(f.root.querySelector('[data-testid=sources-note]')!.textContent).toContain('https://files.example.com:8443');
    expect(await sourcesItem.getValue()).toEqual([]);
  });
});
