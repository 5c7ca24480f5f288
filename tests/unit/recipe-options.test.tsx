import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recipesItem } from '@/storage/sites';
import { editRecipe, removeRecipe, saveRecipe } from '@/services/recipes';
import { readLocalValues, watchRecipes } from '@/entrypoints/helpdesk.content/local-values';
import { RecipesCard, describeTest, recipeFieldNames } from '@/entrypoints/options/RecipesCard';
import { testRecipeOnOpenTab } from '@/entrypoints/options/recipe-tab';

const DESK = 'https://desk.example.com';
const TEAM = 'https://team.example.com';

describe('saving and removing a site recipe', () => {
  it('saves under the sender page origin with the time it was saved', async () => {
    await saveRecipe(`${DESK}/tickets/7`, { company: '.org', contactEmail: '.mail' }, new Date('2026-12-06T10:00:00Z'));
    expect(await recipesItem.getValue()).toEqual({
      [DESK]: { company: '.org', contactEmail: '.mail', savedAt: '2026-12-06T10:00:00.000Z' },
    });
  });

  it('removes a recipe so the content script no longer reads it, and leaves the others', async () => {
    await recipesItem.setValue({ [DESK]: { company: '.org' }, [TEAM]: { company: '.co' } });
    Object.defineProperty(globalThis, 'location', { value: new URL(`${DESK}/t/1`), configurable: true });
    expect((await readLocalValues()).recipe).toEqual({ company: '.org' });
    expect(await removeRecipe(DESK)).toBe(true);
    expect((await readLocalValues()).recipe).toBeUndefined();
    expect(await recipesItem.getValue()).toEqual({ [TEAM]: { company: '.co' } });
  });

  it('neither removes nor overwrites a recipe the organisation set', async () => {
    await recipesItem.setValue({ [TEAM]: { company: '.co', managed: true } });
    expect(await removeRecipe(TEAM)).toBe(false);
    await expect(saveRecipe(`${TEAM}/x`, { company: '.mine' })).rejects.toThrow(/organisation/);
    expect(await recipesItem.getValue()).toEqual({ [TEAM]: { company: '.co', managed: true } });
  });

  it('tells the content script when any recipe changes (it then reads the page again)', async () => {
    const seen = vi.fn();
    const unwatch = watchRecipes(seen);
    await recipesItem.setValue({ [DESK]: { company: '.org' } });
    await removeRecipe(DESK);
    unwatch();
    await recipesItem.setValue({ [DESK]: { company: '.org' } });
    expect(seen).toHaveBeenCalledTimes(2);
  });
});

describe('testing a recipe on an open tab', () => {
  const tabs = (list: { id: number; url?: string; lastAccessed?: number }[], result: unknown = null) => {
    const executeScript = vi.fn(async () => [{ result }]);
    Object.assign(fakeBrowser, {
      tabs: { ...fakeBrowser.tabs, query: async () => list },
      scripting: { executeScript },
    });
    return executeScript;
  };

  it('reads the most recently used tab of that site with the injected reader', async () => {
    const run = tabs(
      [
        { id: 1, url: `${DESK}/t/1`, lastAccessed: 5 },
        { id: 2, url: `${DESK}/t/2`, lastAccessed: 9 },
        { id: 3, url: `${TEAM}/t/3`, lastAccessed: 99 },
        { id: 4 },
      ],
      { company: 'Acme', missing: ['contactEmail'] },
    );
    const got = await testRecipeOnOpenTab(DESK);
    expect(got).toEqual({ ok: true, url: `${DESK}/t/2`, read: { company: 'Acme', missing: ['contactEmail'] } });
    expect(run).toHaveBeenCalledWith({ target: { tabId: 2, frameIds: [0] }, files: ['/recipe-test.js'] });
    expect(describeTest(got, DESK)).toEqual({
      tone: 'error',
      text: 'On the open tab it reads: company: Acme. Not found there: contact email.',
    });
  });

  it('says when no tab shows the site', async () => {
    tabs([{ id: 3, url: `${TEAM}/t/3` }]);
    const got = await testRecipeOnOpenTab(DESK);
    expect(got).toEqual({ ok: false, why: 'noTab' });
    expect(describeTest(got, DESK)?.text).toContain('No open tab shows a page of https://desk.example.com');
  });
});

describe('the recipes card in Options', () => {
  let root: HTMLElement | undefined;
  afterEach(() => {
    if (root) render(null, root);
    root?.remove();
  });
  const flush = () => act(() => new Promise((done) => setTimeout(done, 20)));

  it('lists each site with what it reads and when, locks the policy one, and removes by keyboard', async () => {
    await recipesItem.setValue({
      [DESK]: { company: '.org', contactEmail: '.mail', savedAt: '2026-12-06T10:00:00.000Z' },
      [TEAM]: { company: '.co', ticketId: '.no', managed: true },
    });
    root = document.body.appendChild(document.createElement('div'));
    await act(() => render(<RecipesCard />, root!));
    await flush();
    const rows = [...root.querySelectorAll('[data-testid="recipes"] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-origin'))).toEqual([DESK, TEAM]);
    expect(rows[0]!.textContent).toContain('company, contact email');
    expect(rows[0]!.textContent).toContain(new Date('2026-12-06T10:00:00.000Z').toLocaleString());
    expect(rows[1]!.querySelector('[data-testid="managed"]')).not.toBeNull();
    expect(rows[1]!.querySelector('button[aria-label^="Remove"]')).toBeNull();
    expect(recipeFieldNames({ company: 'a', ticketId: 'b' })).toBe('company, ticket number');

    const remove = root.querySelector<HTMLButtonElement>(`button[aria-label="Remove the recipe of ${DESK}"]`)!;
    // A real <button>: focusable and pressed with Enter or Space, no pointer needed.
    expect(remove.tagName).toBe('BUTTON');
    expect(remove.type).toBe('button');
    await act(() => remove.click());
    await flush();
    expect(Object.keys(await recipesItem.getValue())).toEqual([TEAM]);
    expect(root.querySelector('[data-testid="recipes-status"]')?.textContent).toContain('Removed the recipe of');
    expect(root.querySelectorAll('[data-testid="recipes"] tbody tr')).toHaveLength(1);
  });

  const type = async (input: HTMLInputElement, value: string) => {
    input.value = value;
    await act(() => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };

  it('edits a locator inline by keyboard, saves it to storage, and locks the policy recipe', async () => {
    await recipesItem.setValue({
      [DESK]: { company: '.org', contactEmail: '.mail', savedAt: '2026-12-06T10:00:00.000Z' },
      [TEAM]: { company: '.co', managed: true },
    });
    root = document.body.appendChild(document.createElement('div'));
    await act(() => render(<RecipesCard />, root!));
    await flush();
    expect(root.querySelector(`button[aria-label="Edit the recipe of ${TEAM}"]`)).toBeNull();
    const edit = root.querySelector<HTMLButtonElement>(`button[aria-label="Edit the recipe of ${DESK}"]`)!;
    expect(edit.type).toBe('button');
    await act(() => edit.click());
    await flush();
    const form = root.querySelector<HTMLFormElement>('[data-testid="recipe-edit"]')!;
    // Each locator is a labelled text input; the first has the focus.
    const byLabel = (name: string) => {
      const label = [...form.querySelectorAll('label')].find((l) => l.textContent === name)!;
      return form.querySelector<HTMLInputElement>(`#${label.htmlFor}`)!;
    };
    expect(byLabel('company').value).toBe('.org');
    expect(byLabel('contact email').value).toBe('.mail');
    expect(byLabel('ticket number').value).toBe('');
    expect(document.activeElement).toBe(byLabel('company'));

    await type(byLabel('company'), ' .account-name ');
    await type(byLabel('ticket number'), '#ticket-no');
    await act(() => form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await flush();
    const saved = (await recipesItem.getValue())[DESK]!;
    expect(saved).toEqual({
      company: '.account-name',
      contactEmail: '.mail',
      ticketId: '#ticket-no',
      savedAt: saved.savedAt,
    });
    expect(saved.savedAt! > '2026-12-06T10:00:00.000Z').toBe(true);
    expect(root.querySelector('[data-testid="recipe-edit"]')).toBeNull();
    expect(root.querySelector('[data-testid="recipes-status"]')?.textContent).toBe(
      `Saved the recipe of ${DESK}. Its pages are read by it from now on.`,
    );
    expect((await recipesItem.getValue())[TEAM]).toEqual({ company: '.co', managed: true });
    await expect(editRecipe(TEAM, { company: '.mine' })).rejects.toThrow(/organisation/);
  });

  it('refuses an invalid locator with a clear error, keeps the old recipe, and Escape cancels', async () => {
    const old = { company: '.org', contactEmail: '.mail', savedAt: '2026-12-06T10:00:00.000Z' };
    await recipesItem.setValue({ [DESK]: old });
    root = document.body.appendChild(document.createElement('div'));
    await act(() => render(<RecipesCard />, root!));
    await flush();
    await act(() => root!.querySelector<HTMLButtonElement>(`button[aria-label="Edit the recipe of ${DESK}"]`)!.click());
    await flush();
    const form = root.querySelector<HTMLFormElement>('[data-testid="recipe-edit"]')!;
    const [company, email] = [...form.querySelectorAll<HTMLInputElement>('input')];
    const submit = () => act(() => form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    const problems = () => root!.querySelector('[data-testid="recipe-edit-problems"]')?.textContent;

    await type(company!, 'div[');
    await submit();
    await flush();
    expect(problems()).toBe('Not saved; the recipe stays as it was. company: not a CSS selector.');
    expect(company!.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('[data-testid="recipe-edit-problems"]')?.getAttribute('role')).toBe('alert');

    await type(company!, `.a${'b'.repeat(300)}`);
    await submit();
    await flush();
    expect(problems()).toBe('Not saved; the recipe stays as it was. company: longer than 300 characters.');

    await type(company!, '');
    await type(email!, '  ');
    await submit();
    await flush();
    expect(problems()).toBe(
      "Not saved; the recipe stays as it was. Give the company or the requester's email (at least one).",
    );
    expect(await recipesItem.getValue()).toEqual({ [DESK]: old });
    // The schema refuses a control character too (the service checks without the page).
    expect(await editRecipe(DESK, { company: '.a\n.b' })).toEqual({
      ok: false,
      problems: [{ field: 'company', why: 'control' }],
    });
    expect(await recipesItem.getValue()).toEqual({ [DESK]: old });

    await act(() => {
      email!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await flush();
    expect(root.querySelector('[data-testid="recipe-edit"]')).toBeNull();
    expect(await recipesItem.getValue()).toEqual({ [DESK]: old });
  });

  it('says when no site has a recipe', async () => {
    root = document.body.appendChild(document.createElement('div'));
    await act(() => render(<RecipesCard />, root!));
    await flush();
    expect(root.querySelector('[data-testid="recipes-none"]')?.textContent).toBe('No site has a recipe yet.');
  });
});
