import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loadSampleData, sidebarFrame, hasSidebarFrame, screenshot, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  await loadSampleData(h);
});
afterAll(async () => h?.close());

async function openTicket(path: string) {
  const page = await h.context.newPage();
  await page.goto(`${h.origin}/${path}`);
  const frame = await sidebarFrame(page, h.extensionId);
  await frame.getByTestId('match-reason').or(frame.getByTestId('no-match')).first().waitFor();
  return { page, frame };
}

describe('sidebar on a ticket page', () => {
  it('shows the origin story for a ticket matched by contact email', async () => {
    const { page, frame } = await openTicket('generic-ticket-email.html');
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Acme Dental Group');
    expect(await frame.getByTestId('campaign').textContent()).toContain('Spring Dental Postcard Mailer 2025');
    expect(await frame.getByTestId('deal').textContent()).toContain('Managed IT Essentials - Dental (18 seats)');
    expect(await frame.getByTestId('rep').textContent()).toBe('Priya Nair');
    expect(await frame.getByTestId('promises').textContent()).toContain('1-hour response on the dental scheduler');
    expect(await frame.getByTestId('contact').textContent()).toContain('decision maker');
    const notes = frame.getByTestId('notes').locator('li');
    expect(await notes.first().textContent()).toContain('burned by their last MSP');
    expect(await frame.getByTestId('match-reason').textContent()).toContain('dana@acmedental.com');
    await screenshot(page, 'sidebar-email-match');
    await page.close();
  });

  it('matches by email domain when the contact is unknown', async () => {
    const { page, frame } = await openTicket('generic-ticket-domain.html');
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Acme Dental Group');
    expect(await frame.getByTestId('match-reason').textContent()).toContain('email domain acmedental.com');
    await page.close();
  });

  it('matches by normalised company name when the requester uses free mail', async () => {
    const { page, frame } = await openTicket('generic-ticket-name.html');
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Baker & Price LLP');
    expect(await frame.getByTestId('campaign').textContent()).toContain('Legal Tech Webinar Series');
    expect(await frame.getByTestId('rep').textContent()).toBe('Marcus Lee');
    await page.close();
  });

  it('says there is no sales history and offers search and pin', async () => {
    const { page, frame } = await openTicket('generic-ticket-nomatch.html');
    expect(await frame.getByTestId('no-match').textContent()).toContain('No sales history for Unknown Widgets Ltd');
    await frame.getByRole('searchbox').fill('riverside');
    await frame.getByRole('button', { name: 'Pin Riverside Family Clinic' }).click();
    // Pinning takes a second, confirming click on the same button (components/ConfirmButton.tsx).
    await frame.getByRole('button', { name: 'Confirm pin Riverside Family Clinic' }).click();
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Riverside Family Clinic');
    expect(await frame.getByTestId('match-reason').textContent()).toMatch(/pinned/i);
    await screenshot(page, 'sidebar-pinned');
    // The pin is remembered for that company on a fresh load.
    await page.reload();
    const again = await sidebarFrame(page, h.extensionId);
    await expect.poll(() => again.getByTestId('account-name').textContent()).toBe('Riverside Family Clinic');
    await page.close();
  });

  it('finds the account the ticket text names when the ticket fields name none', async () => {
    // No company field and a requester address no account knows; the message body names the clinic.
    const { page, frame } = await openTicket('generic-ticket-text.html');
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Riverside Family Clinic');
    const reason = await frame.getByTestId('match-reason').textContent();
    expect(reason).toContain('found “Riverside Family Clinic” in the ticket text');
    expect(reason).toMatch(/low/);
    // What the sidebar shows of the account stays out of the page.
    const shown = (await frame.getByTestId('rep').textContent())?.trim() ?? '';
    expect(shown).not.toBe('');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(shown);
    await screenshot(page, 'sidebar-text-match');
    await page.close();
  });

  it('is not fooled by a hostile ticket body', async () => {
    const { page, frame } = await openTicket('generic-ticket-hostile.html');
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Riverside Family Clinic');
    await page.close();
  });

  it('shows nothing on a page that is not a ticket', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/not-a-ticket.html`);
    await page.waitForTimeout(1500);
    expect(await hasSidebarFrame(page, h.extensionId)).toBe(false);
    expect(await page.locator('backstory-sidebar').count()).toBe(0);
    await page.close();
  });

  it('follows a single-page help desk to another ticket and away from tickets', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/spa/ticket/1042`);
    const frame = await sidebarFrame(page, h.extensionId);
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Acme Dental Group');
    await page.evaluate(() => (window as unknown as { showTicket(id: string): void }).showTicket('1044'));
    await expect
      .poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 })
      .toBe('Baker & Price LLP');
    await page.evaluate(() => (window as unknown as { showQueue(): void }).showQueue());
    await expect.poll(() => hasSidebarFrame(page, h.extensionId), { timeout: 10_000 }).toBe(false);
    await page.close();
  });

  it('neither leaks nor duplicates after 100 single-page navigations', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/spa/ticket/1042?delay=0`);
    let frame = await sidebarFrame(page, h.extensionId);
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Acme Dental Group');
    // Count, through DevTools, the listeners on window and document as the content script's own
    // isolated world sees them, and the MutationObservers alive in that world.
    const cdp = await page.context().newCDPSession(page);
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Backstory');
    expect(world, 'the content script world').toBeDefined();
    const inWorld = async (expression: string) =>
      (await cdp.send('Runtime.evaluate', { expression, contextId: world!.id })).result.objectId!;
    const listenerCount = async () => {
      let n = 0;
      for (const target of ['window', 'document']) {
        n += (await cdp.send('DOMDebugger.getEventListeners', { objectId: await inWorld(target) })).listeners.length;
      }
      return n;
    };
    const observerCount = async () => {
      const { objects } = await cdp.send('Runtime.queryObjects', {
        prototypeObjectId: await inWorld('MutationObserver.prototype'),
      });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: objects.objectId!,
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      });
      return result.value as number;
    };
    const listenersBefore = await listenerCount();
    const observersBefore = await observerCount();
    expect(listenersBefore).toBeGreaterThan(0);
    expect(observersBefore).toBeGreaterThan(0);
    const steps = ['1044', 'queue', '1042'];
    for (let i = 0; i < 100; i++) {
      const step = steps[i % steps.length]!;
      await page.evaluate((s) => {
        const w = window as unknown as { showTicket(id: string): void; showQueue(): void };
        if (s === 'queue') w.showQueue();
        else w.showTicket(s);
      }, step);
      await page.waitForTimeout(20);
    }
    // 100 steps end on ticket 1044 (step 99 is index 0 of the cycle).
    await expect.poll(() => page.locator('backstory-sidebar').count(), { timeout: 10_000 }).toBe(1);
    frame = await sidebarFrame(page, h.extensionId);
    await expect
      .poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 })
      .toBe('Baker & Price LLP');
    const sidebarFrames = page.frames().filter((f) => f.url().includes('/sidebar.html'));
    expect(sidebarFrames).toHaveLength(1);
    expect(await listenerCount()).toBe(listenersBefore);
    expect(await observerCount()).toBe(observersBefore);
    await page.close();
  });

  it('keeps working after the service worker is stopped (no state lives in its memory)', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.origin}/spa/ticket/1042?delay=0`);
    const frame = await sidebarFrame(page, h.extensionId);
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Acme Dental Group');
    const cdp = await page.context().newCDPSession(page);
    for (let round = 0; round < 3; round++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const workers = targetInfos.filter(
        (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${h.extensionId}/`),
      );
      // In the stopped-worker pass the harness may have stopped it a moment ago: then there is
      // none to stop, and the next ticket must wake it all the same.
      if (!process.env.BACKSTORY_STOP_WORKER_MS) expect(workers.length).toBe(1);
      expect(workers.length).toBeLessThanOrEqual(1);
      // The sidebar's port drops with the worker, and connecting again wakes a new one at once
      // (under the same target): stopped once a mark left in the worker's globals is gone.
      const running = h.context.serviceWorkers().find((w) => w.url().includes(h.extensionId));
      const marked = () => running?.evaluate(() => (self as { marked?: boolean }).marked).catch(() => undefined);
      await running?.evaluate(() => ((self as { marked?: boolean }).marked = true)).catch(() => undefined);
      if (workers[0]) await cdp.send('Target.closeTarget', { targetId: workers[0].targetId }).catch(() => undefined);
      await expect.poll(marked).toBeUndefined();
      // The next ticket goes to a worker that never saw the last; it must answer from storage alone.
      const [id, name] = round % 2 === 0 ? ['1044', 'Baker & Price LLP'] : ['1042', 'Acme Dental Group'];
      await page.evaluate((t) => (window as unknown as { showTicket(id: string): void }).showTicket(t), id);
      await expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe(name);
    }
    await page.close();
  });

  it('shows a note imported in the options page on the next ticket, though the worker holds its match memory', async () => {
    // From a worker's second ticket on it answers from a copy of the data in its memory, which
    // must learn of a write made in another extension page (the import below).
    for (let i = 0; i < 3; i++) await (await openTicket('generic-ticket-email.html')).page.close();
    const options = await h.extensionPage('options.html');
    const body = `Renewal call ${Date.now()}: wants the scheduler moved to the cloud`;
    const file = Buffer.from(`Account,Note,Date\nAcme Dental Group,"${body}",2026-11-30\n`);
    await options.getByLabel('Files').setInputFiles({ name: 'renewal-note.csv', mimeType: 'text/csv', buffer: file });
    await options.getByRole('button', { name: 'Import renewal-note.csv' }).click();
    await expect
      .poll(() => options.getByTestId('import-outcome').textContent(), { timeout: 15_000 })
      .toMatch(/Imported renewal-note\.csv/);
    await options.close();
    const { page, frame } = await openTicket('generic-ticket-email.html');
    expect(await frame.getByTestId('account-name').textContent()).toBe('Acme Dental Group');
    expect(await frame.getByTestId('notes').textContent()).toContain(body);
    await page.close();
  });

  it('is pushed the new story when the data changes, with no reload or action on the page', async () => {
    const { page, frame } = await openTicket('generic-ticket-email.html');
    await expect.poll(() => frame.getByTestId('account-name').textContent()).toBe('Acme Dental Group');
    const options = await h.extensionPage('options.html');
    const body = `Pushed ${Date.now()}: asked about a second site`;
    const file = Buffer.from(`Account,Note,Date\nAcme Dental Group,"${body}",2026-12-01\n`);
    await options.getByLabel('Files').setInputFiles({ name: 'pushed-note.csv', mimeType: 'text/csv', buffer: file });
    await options.getByRole('button', { name: 'Import pushed-note.csv' }).click();
    await expect
      .poll(() => options.getByTestId('import-outcome').textContent(), { timeout: 15_000 })
      .toMatch(/Imported pushed-note\.csv/);
    await options.close();
    await expect.poll(() => frame.getByTestId('notes').textContent(), { timeout: 10_000 }).toContain(body);
    await page.close();
  });

  it('keeps every sales fact out of the page DOM and its messages', async () => {
    const page = await h.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)), true);
    });
    await page.goto(`${h.origin}/generic-ticket-email.html`);
    const frame = await sidebarFrame(page, h.extensionId);
    await frame.getByTestId('campaign').waitFor();
    const exposed = await page.evaluate(() => {
      const parts = [document.documentElement.outerHTML, ...(window as unknown as { __seen: string[] }).__seen];
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
      return parts.join('\n');
    });
    for (const canary of [
      'Priya Nair',
      'burned by their last MSP',
      'Spring Dental Postcard Mailer',
      '4,200',
      'Dentrix server hosting',
    ]) {
      expect(exposed).not.toContain(canary);
    }
    await page.close();
  });

  it('collapses to a slim tab and remembers it', async () => {
    const { page, frame } = await openTicket('generic-ticket-email.html');
    await frame.getByRole('button', { name: 'Hide Backstory sidebar' }).click();
    await frame.getByRole('button', { name: 'Show Backstory sidebar' }).waitFor();
    const width = await page.evaluate(() => document.querySelector('backstory-sidebar')!.getBoundingClientRect().width);
    expect(width).toBeLessThan(60);
    await screenshot(page, 'sidebar-collapsed');
    // Another ticket opens collapsed too: the choice is remembered.
    const other = await h.context.newPage();
    await other.goto(`${h.origin}/generic-ticket-domain.html`);
    const otherFrame = await sidebarFrame(other, h.extensionId);
    // By keyboard, as a technician may: a mouse click just as the frame is first drawn can
    // reach the page underneath (seen now and then in CI), and this test is about the memory.
    await otherFrame.getByRole('button', { name: 'Show Backstory sidebar' }).press('Enter');
    // Should it not come, say what the sidebar shows instead (loading, no ticket, an error).
    await otherFrame
      .getByTestId('match-reason')
      .waitFor()
      .catch(async (e: Error) => {
        throw new Error(
          `${e.message}\nthe sidebar showed: ${await otherFrame.evaluate(() => document.body.innerText).catch(String)}`,
        );
      });
    const opened = await other.evaluate(
      () => document.querySelector('backstory-sidebar')!.getBoundingClientRect().width,
    );
    expect(opened).toBeGreaterThan(300);
    await page.close();
    await other.close();
  });
});
