import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { screenshot, sidebarFrame, type Harness } from './harness';

/**
 * A REAL self-hosted help desk that Backstory has no adapter for, as a new user meets it: the
 * site added in Options ("Detect automatically"), the agent logged in through the help desk's own
 * form, and its ticket view read by the generic rules (tests/fixtures/real/ holds the same pages
 * as captured). The desk is started by scripts/<product>/setup.sh.
 */
export interface RealDesk {
  name: string;
  url: string;
  login: { path: string; user: [string, string]; pass: [string, string]; submit: string };
  ticketPath: (id: string) => string;
  /** The ticket number as the page shows it (osTicket's differs from the URL's id). */
  shownNumber: (id: string) => string;
  /** The page's own heading, to be sure it is the ticket view and not a login form. */
  heading: string;
}

export const credentials = (file: string): Record<string, string> =>
  Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /^\w+=/.test(l))
      .map((l) => l.split('=', 2) as [string, string]),
  );

export async function showsBackstoryBeside(h: Harness, desk: RealDesk, ticketId: string): Promise<void> {
  const options = await h.extensionPage('options.html#sites');
  await options.getByLabel('Help-desk address').fill(desk.url);
  await options.getByLabel('Product').selectOption('detect');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect.poll(() => options.getByTestId('sites-status').textContent()).toContain(`Added ${desk.url}`);

  const page = await h.context.newPage();
  await page.goto(`${desk.url}${desk.login.path}`);
  await page.locator(desk.login.user[0]).fill(desk.login.user[1]);
  await page.locator(desk.login.pass[0]).fill(desk.login.pass[1]);
  await Promise.all([page.waitForLoadState('load'), page.locator(desk.login.submit).first().click()]);
  await page.waitForURL((u) => !u.pathname.endsWith(desk.login.path), { timeout: 15_000 });
  await page.goto(`${desk.url}${desk.ticketPath(ticketId)}`);
  const number = desk.shownNumber(ticketId);
  expect(await page.locator(desk.heading).first().textContent()).toContain(number);

  const frame = await sidebarFrame(page, h.extensionId, 15_000);
  await expect
    .poll(() => frame.getByTestId('account-name').textContent(), { timeout: 15_000 })
    .toBe('Acme Dental Group');
  expect(await frame.getByTestId('campaign').textContent()).toContain('Spring Dental Postcard Mailer 2025');
  expect(await frame.getByTestId('match-reason').textContent()).toContain('dana@acmedental.com');
  expect(await frame.locator('[data-testid="match-reason"] .badge.high').count()).toBe(1);
  expect(await frame.getByTestId('missing-fields').count()).toBe(0);
  expect(await frame.getByTestId('reading-conflict').count()).toBe(0);
  expect(await frame.locator('.brand').textContent()).toContain(`ticket ${number}`);
  await screenshot(page, `${desk.name.toLowerCase().replace(/\W+/g, '-')}-real`);
  await page.close();

  // Read by the generic rules (no product adapter), as options reports.
  await expect
    .poll(() => options.getByTestId('site-activity').textContent())
    .toMatch(
      new RegExp(
        `${new URL(desk.url).host.replace(/\./g, '\\.')} \\(other \\(generic detector\\)\\): ticket recognised`,
      ),
    );
  await options.close();
}
