// Flag for sales, end to end: from the sidebar on a ticket to a note on the company in a mock
// HubSpot; waiting while HubSpot is down, then delivered once; the outbox for a customer whose
// data has no writable source, exported as CSV and copied as an email to the sales reps; the form
// by keyboard.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, loadSampleData, screenshot, sidebarFrame, type Harness } from './harness';
import { startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';

let h: Harness;
let mock: MockHubSpot;
const TOKEN = 'pat-na1-flags-e2e';
type Alarms = { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } };
/**
 * The retry alarm's period, or undefined when there is none. Asked from an extension page, not
 * the worker, which the stopped-worker pass may stop between finding it and asking it.
 */
const retryAlarm = (page: Page) => () =>
  page.evaluate(
    async () =>
      (await (globalThis as unknown as { chrome: Alarms }).chrome.alarms.get('deliver-flags'))?.periodInMinutes,
  );

beforeAll(async () => {
  mock = await startMockHubSpot({ token: TOKEN });
  h = await launch();
  await loadSampleData(h);
  const options = await h.extensionPage('options.html#sources');
  await options.getByLabel('Private app token').fill(TOKEN);
  await options.getByLabel('API address').fill(mock.url);
  await options.getByRole('button', { name: 'Save and sync' }).click();
  // The status may show in the list and in the form's note at once.
  await options
    .getByText(/Last synced/)
    .first()
    .waitFor({ timeout: 30_000 });
  await options.close();
});
afterAll(async () => {
  await h?.close();
  await mock?.close();
});

async function ticket(path: string, account: string): Promise<{ page: Page; frame: Frame }> {
  const page = await h.context.newPage();
  await page.goto(`${h.origin}/${path}`);
  const frame = await sidebarFrame(page, h.extensionId);
  await expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe(account);
  return { page, frame };
}

async function flag(frame: Frame, kind: string, note: string, value = '', urgency = 'normal urgency') {
  await frame.getByRole('button', { name: 'Flag for sales' }).click();
  await frame.getByLabel('What did you notice?').selectOption({ label: kind });
  await frame.getByLabel('Note for sales').fill(note);
  if (value) await frame.getByLabel('Estimated value (optional)').fill(value);
  await frame.getByLabel('Urgency').selectOption({ label: urgency });
  await frame.getByRole('button', { name: 'Send to sales' }).click();
  // Sending takes a second, confirming click (components/ConfirmButton.tsx).
  await frame.getByRole('button', { name: 'Confirm: send to sales' }).click();
  await frame.getByTestId('flag-outcome').waitFor({ timeout: 15_000 });
  return (await frame.getByTestId('flag-outcome').textContent()) ?? '';
}

describe('flag for sales', () => {
  it("reaches the customer's HubSpot company as exactly one note", async () => {
    const { page, frame } = await ticket('generic-ticket-nomatch.html', 'Unknown Widgets Ltd');
    expect(
      await flag(
        frame,
        'Hardware refresh',
        'Warehouse scanners are 7 years old; Zed wants to replace all 12.',
        '9000',
        'high urgency',
      ),
    ).toContain('Sent to sales.');
    expect(mock.writes).toHaveLength(1);
    expect(mock.writes[0]!.companies).toEqual(['5001']);
    expect(mock.writes[0]!.properties.hs_note_body).toContain('Warehouse scanners are 7 years old');
    expect(mock.writes[0]!.properties.hs_note_body).toContain('Ticket: generic #1045');
    // The sidebar lists it, so the next technician sees it was flagged already.
    await expect
      .poll(() => frame.getByTestId('flags').textContent())
      .toMatch(/Hardware refresh.*Warehouse scanners.*Sent to sales/);
    expect(await page.content()).not.toContain('Warehouse scanners');
    await screenshot(page, 'sidebar-flag-sent');
    await page.close();
  });

  it('waits while HubSpot is down and is delivered once when it is back', async () => {
    mock.switches = { status: 503, onlyPath: '/crm/v3/objects/notes' };
    const { page, frame } = await ticket('generic-ticket-nomatch.html', 'Unknown Widgets Ltd');
    expect(await flag(frame, 'More seats', 'Hiring 5 people in January.')).toMatch(
      /Waiting to be sent \(.*503.*\); retried automatically/,
    );
    expect(mock.writes).toHaveLength(1);

    // The insights list it, and follow its delivery, without a reload.
    const insights = await h.extensionPage('options.html#insights');
    const insightRow = insights.getByTestId('insights-flags').locator('tbody tr', { hasText: 'Unknown Widgets Ltd' });
    await expect
      .poll(() => insightRow.getByTestId('flag-insight-status').allTextContents(), { timeout: 10_000 })
      .toEqual(['Waiting to be sent', 'Sent to sales']);
    // The sidebar stays open while the options page sends the flag.
    const options = await h.extensionPage('options.html#flags');
    // While it waits, a retry round runs every minute.
    await expect.poll(retryAlarm(options)).toBe(1);
    await expect.poll(() => options.getByTestId('my-flags').textContent()).toContain('Waiting to be sent');
    // Still down: "send now" says that nothing went, rather than "0 flags sent".
    await options.getByRole('button', { name: 'Send waiting flags now' }).click();
    await expect
      .poll(() => options.getByTestId('flags-note').textContent(), { timeout: 15_000 })
      .toBe('No flag could be sent yet; the list below says why. They are retried automatically.');
    expect(mock.writes).toHaveLength(1);
    mock.switches = {};
    await options.getByRole('button', { name: 'Send waiting flags now' }).click();
    await expect
      .poll(() => options.getByTestId('flags-note').textContent(), { timeout: 15_000 })
      .toBe('The flag was sent.');
    expect(mock.writes).toHaveLength(2);
    expect(mock.writes[1]!.properties.hs_note_body).toContain('Hiring 5 people');
    await expect.poll(() => options.getByTestId('my-flags').textContent()).not.toContain('Waiting');
    // The open sidebar shows the delivery without a reload.
    await expect
      .poll(() => frame.getByTestId('flag-outcome').textContent(), { timeout: 10_000 })
      .toBe('Flag saved. Sent to sales.');
    expect(await frame.getByTestId('flags').textContent()).not.toContain('Waiting');
    await expect
      .poll(() => insightRow.getByTestId('flag-insight-status').allTextContents(), { timeout: 10_000 })
      .toEqual(['Sent to sales', 'Sent to sales']);
    await insights.close();
    await page.close();
    // Nothing waits any more: no alarm wakes the worker for nothing.
    await expect.poll(retryAlarm(options)).toBeUndefined();
    // Nothing is left waiting, so there is nothing to send again.
    expect(await options.getByRole('button', { name: 'Send waiting flags now' }).isDisabled()).toBe(true);
    expect(mock.writes).toHaveLength(2);
    await options.close();
  });

  it("waits in the outbox when the customer's data cannot take writes, and exports as CSV", async () => {
    const { page, frame } = await ticket('generic-ticket-email.html', 'Acme Dental Group');
    expect(
      await flag(
        frame,
        'Churn risk',
        'Dr. Hale is unhappy about the second scheduler outage this month.',
        '',
        'high urgency',
      ),
    ).toContain('In your outbox');
    await page.close();

    const options = await h.extensionPage('options.html#flags');
    // A fresh options page on a busy machine can take seconds to open the database.
    await expect.poll(() => options.getByTestId('my-flags').locator('li').count(), { timeout: 15_000 }).toBe(3);
    await screenshot(options, 'options-flags');
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'id,createdAt,status,kind,urgency,value,currency,account,salesRep,helpdesk,ticketId,ticketUrl,note,lastError,flaggedBy,flaggedByEmail',
    );
    expect(lines).toHaveLength(4);
    expect(csv).toMatch(/outbox,churn-risk,high,,,Acme Dental Group,Priya Nair,generic,1042,.*Dr\. Hale is unhappy/);
    expect(csv).toMatch(/delivered,hardware-refresh,high,9000,USD,Unknown Widgets Ltd/);
    // Exported for sales: the one outbox flag may now be marked as sent (not done here: the next
    // test mails it).
    expect(await options.getByRole('button', { name: 'Mark this flag as sent to sales' }).count()).toBe(1);
    await options.close();

    const popup = await h.extensionPage('popup.html');
    await expect.poll(() => popup.getByTestId('popup-flags').locator('li').count()).toBe(3);
    await popup.close();
  });

  it('copies the outbox as one email to the sales reps, hostile note text and all', async () => {
    // Markup, a forged header and a formula in the note: all of it is the technician's text.
    const hostile =
      'Anita\'s sister runs a 40-seat practice <img src=x onerror=alert(1)> & "wants" a quote.\nSubject: FREE MONEY\nTo: everyone@evil.example\n=HYPERLINK("https://evil.example")';
    const { page, frame } = await ticket('generic-ticket-hostile.html', 'Riverside Family Clinic');
    expect(await flag(frame, 'Referral', hostile, '$12,500', 'low urgency')).toContain('In your outbox');
    await page.close();

    await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const options = await h.extensionPage('options.html#flags');
    const dialogs: string[] = [];
    options.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
    await expect.poll(() => options.getByTestId('my-flags').locator('li').count()).toBe(4);
    // Listed as text, not markup.
    expect(await options.getByTestId('my-flags').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await options.getByTestId('my-flags').locator('img').count()).toBe(0);

    // A refused clipboard is reported, not claimed as copied.
    await options.evaluate(() => {
      navigator.clipboard.writeText = () =>
        Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await options.getByRole('button', { name: 'Copy as email' }).click();
    await expect
      .poll(() => options.getByTestId('flags-note').textContent())
      .toBe('Could not copy to the clipboard (Write permission denied.). Export CSV instead, or try again.');
    expect(await options.getByRole('button', { name: /as sent to sales/ }).count()).toBe(0);
    await options.evaluate(() => delete (navigator.clipboard as { writeText?: unknown }).writeText);

    await options.getByRole('button', { name: 'Copy as email' }).click();
    await expect
      .poll(() => options.getByTestId('flags-note').textContent())
      .toBe(
        'Copied an email to Diego Alvarez, Priya Nair with 2 flags from your outbox; paste it into your mail program.',
      );
    const mail = await options.evaluate(() => navigator.clipboard.readText());
    const lines = mail.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'To: Diego Alvarez, Priya Nair',
      'Subject: 2 flags for sales: Riverside Family Clinic, Acme Dental Group',
      '',
    ]);
    // Newest first: the referral with its account, value, ticket (help desk, number, address),
    // kind, urgency and the note exactly as typed, then the churn risk from the earlier test.
    const referral = mail.indexOf('Flag for sales: Referral (low urgency)');
    expect(mail.slice(referral)).toMatch(
      new RegExp(
        `^Flag for sales: Referral \\(low urgency\\)\nAccount: Riverside Family Clinic\nEstimated value: 12500 USD\nTicket: generic #1046 ${h.origin.replace(/[.]/g, '\\.')}/generic-ticket-hostile\\.html\n\n`,
      ),
    );
    expect(mail.split(hostile)).toHaveLength(2);
    expect(mail).toMatch(
      /\(Backstory bsflag\w+\)\n\n---\n\nFlag for sales: Churn risk \(high urgency\)\nAccount: Acme Dental Group\nTicket: generic #1042 .*\n\nDr\. Hale is unhappy/,
    );
    // Delivered flags are with sales already; they are not mailed again.
    expect(mail).not.toContain('Unknown Widgets');
    expect(dialogs).toEqual([]);

    await screenshot(options, 'options-flags-copied');
    // Once mailed, the user says so: both count as sent and the next copy would leave them out.
    await options.getByRole('button', { name: 'Mark these 2 flags as sent to sales' }).click();
    await expect
      .poll(() => options.getByTestId('flags-note').textContent())
      .toBe('2 flags marked as sent to sales; they are no longer in your outbox.');
    await expect.poll(() => options.getByTestId('my-flags').textContent()).not.toContain('In your outbox');
    expect(await options.getByTestId('flag-status').allTextContents()).toEqual(Array(4).fill('Sent to sales.'));
    expect(await options.getByRole('button', { name: 'Copy as email' }).isDisabled()).toBe(true);
    await options.close();
  });

  it('works from the keyboard: Escape keeps the draft and the sidebar, Ctrl+Enter sends, the earlier flag of a kind is shown', async () => {
    const { page, frame } = await ticket('generic-ticket-hostile.html', 'Riverside Family Clinic');
    // The referral mailed in the test before shows as sent beside the ticket too.
    await expect
      .poll(() => frame.getByTestId('flags').textContent())
      .toMatch(/Referral: Anita's sister.*Sent to sales\./s);
    const focused = () =>
      frame.evaluate(() => document.activeElement?.textContent?.trim() ?? document.activeElement?.tagName);
    await frame.getByRole('button', { name: 'Flag for sales' }).focus();
    await page.keyboard.press('Enter');
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    // The referral from the test before is shown when the same kind is chosen again.
    await frame.getByLabel('What did you notice?').selectOption({ label: 'Referral' });
    await expect
      .poll(() => frame.getByTestId('flag-duplicate').textContent())
      .toMatch(
        /^Already flagged as Referral on .*: “Anita's sister runs a 40-seat practice <img src=x onerror=alert\(1\)> & "wants" a quote\. Subject: FREE MONEY .*”\. Send it again only if this is something new\.$/,
      );
    // The whole form is in view, the send button too, not just the first field (to the pixel:
    // scrolling goes by whole pixels).
    expect(
      await frame
        .getByRole('button', { name: 'Send to sales' })
        .evaluate((b) => b.getBoundingClientRect().bottom <= window.innerHeight + 1),
    ).toBe(true);
    await screenshot(page, 'sidebar-flag-duplicate');
    await frame.getByLabel('What did you notice?').selectOption({ label: 'More seats' });
    await expect.poll(() => frame.getByTestId('flag-duplicate').count()).toBe(0);

    await frame.getByLabel('Note for sales').focus();
    await page.keyboard.type('Three new doctors start in March');
    await page.keyboard.press('Escape');
    // The form closed, the sidebar stayed open, and focus is back on the button.
    await expect.poll(() => frame.getByLabel('Note for sales').count()).toBe(0);
    expect(await frame.getByTestId('account-name').textContent()).toBe('Riverside Family Clinic');
    expect(await focused()).toBe('Flag for sales');
    await page.keyboard.press('Enter');
    expect(await frame.getByLabel('Note for sales').inputValue()).toBe('Three new doctors start in March');

    await frame.getByLabel('Note for sales').focus();
    // Ctrl+Enter is the send button's click: the first arms it, the second (once it takes clicks) sends.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => frame.getByRole('button', { name: 'Confirm: send to sales' }).isEnabled()).toBe(true);
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => frame.getByTestId('flag-outcome').textContent(), { timeout: 15_000 })
      .toContain('In your outbox');
    expect(await focused()).toBe('Flag for sales');
    await expect
      .poll(() => frame.getByTestId('flags').textContent())
      .toMatch(/More seats.*Three new doctors start in March/);
    await page.close();
  });
});

describe('flag for sales, in German', () => {
  let de: Harness;
  beforeAll(async () => {
    de = await launch({ lang: 'de' });
    const options = await de.extensionPage('options.html');
    await options.getByRole('button', { name: 'Beispieldaten laden' }).click();
    await options.getByText(/Beispieldaten geladen/).waitFor({ timeout: 30_000 });
    await options.close();
  });
  afterAll(async () => de?.close());

  it('reads "9.000 €" as nine thousand euros for a German customer, and mails it in euros', async () => {
    const page = await de.context.newPage();
    await page.goto('https://bms.kaseya.com/MSP/TicketEdit.aspx?ID=1042');
    const frame = await sidebarFrame(page, de.extensionId);
    await expect
      .poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 })
      .toBe('Müller & Söhne GmbH');
    await frame.getByRole('button', { name: 'Hinweis an den Vertrieb' }).click();
    await frame.getByLabel('Was ist Ihnen aufgefallen?').selectOption({ label: 'Hardware-Erneuerung' });
    await frame.getByLabel('Notiz für den Vertrieb').fill('Alle 45 Arbeitsplätze laufen noch mit Windows 10.');
    await frame.getByLabel('Geschätzter Wert (optional)').fill('9.000 €');
    await frame.getByRole('button', { name: 'An den Vertrieb senden' }).click();
    await frame.getByRole('button', { name: 'Bestätigen: an den Vertrieb senden' }).click();
    await expect
      .poll(() => frame.getByTestId('flag-outcome').textContent(), { timeout: 15_000 })
      .toContain('Im Postausgang');
    // Nine thousand euros, not nine dollars.
    await expect.poll(() => frame.getByTestId('flags').textContent()).toMatch(/9\.000\s€/);
    await page.close();

    await de.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const options = await de.extensionPage('options.html#flags');
    await expect.poll(() => options.getByTestId('my-flags').locator('li').count()).toBe(1);
    await options.getByRole('button', { name: 'Als E-Mail kopieren' }).click();
    await expect
      .poll(() => options.getByTestId('flags-note').textContent())
      .toBe(
        'E-Mail an Felix Hartmann mit dem Hinweis aus Ihrem Postausgang kopiert; fügen Sie sie in Ihr E-Mail-Programm ein.',
      );
    const mail = await options.evaluate(() => navigator.clipboard.readText());
    expect(mail).toMatch(
      /^To: Felix Hartmann\nSubject: Flag for sales: Hardware refresh at Müller & Söhne GmbH \(normal urgency\)\n\n/,
    );
    expect(mail).toContain(
      '\nEstimated value: 9000 EUR\nTicket: kaseya-bms #1042 https://bms.kaseya.com/MSP/TicketEdit.aspx?ID=1042\n\nAlle 45 Arbeitsplätze laufen noch mit Windows 10.\n',
    );
    await options.getByRole('button', { name: 'Diesen Hinweis als an den Vertrieb gesendet markieren' }).click();
    await expect.poll(() => options.getByTestId('flag-status').textContent()).toBe('An den Vertrieb gesendet.');
    await options.close();
  });
});
