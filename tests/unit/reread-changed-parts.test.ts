import { afterEach, describe, expect, it, vi } from 'vitest';
import { readGeneric, regionsOfLastRead } from '@/adapters/generic';
import type { AdapterReading } from '@/adapters/types';
import { RereadScheduler } from '@/entrypoints/helpdesk.content/reread';

// Issue 20, part 4: "re-read only the parts that changed, or at most once a second on a page that
// never stops changing". The scheduler looks at the changed parts only (the observer's records)
// and reads the whole page only when they touch what the last reading used or add something
// the reader reads; the reader itself runs here as in the content script.
const TICKET = new URL('https://help.example.com/tickets/1042');
const PANEL = '<aside id="panel"><dl><dt>Company</dt><dd>Acme Dental Group</dd></dl></aside>';

describe('RereadScheduler: only the changed parts', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  const setUp = (html: string) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
    document.body.innerHTML = html;
    let reads = 0;
    let last: AdapterReading | undefined;
    const scheduler = new RereadScheduler(() => {
      reads++;
      last = readGeneric(document, TICKET);
      scheduler.regions(regionsOfLastRead());
    });
    last = readGeneric(document, TICKET);
    scheduler.regions(regionsOfLastRead());
    scheduler.watch(document.body);
    return { scheduler, reads: () => reads, last: () => last };
  };

  it('never reads a page that changes constantly outside what the reading used', async () => {
    const { scheduler, reads, last } = setUp(`${PANEL}<div id="clock">0</div><table><tr><td>Printer</td></tr></table>`);
    expect(last()?.company).toBe('Acme Dental Group');
    const clock = document.getElementById('clock')!;
    const cell = document.querySelector('td')!;
    let i = 0;
    const ticker = setInterval(() => {
      clock.textContent = String(++i);
      cell.firstChild!.nodeValue = `Printer offline ${i}`;
      cell.append(document.createElement('span'));
    }, 16);
    await vi.advanceTimersByTimeAsync(10_000);
    clearInterval(ticker);
    scheduler.stop();
    expect(i).toBeGreaterThan(500);
    expect(reads()).toBe(0);
  });

  it('finds a labelled field added outside every region, at the quiet delay', async () => {
    const { scheduler, reads, last } = setUp(`${PANEL}<section id="more"></section>`);
    expect(last()?.contactEmail).toBeUndefined();
    document
      .getElementById('more')!
      .insertAdjacentHTML('beforeend', '<div><dl><dt>Requester</dt><dd>dana@acmedental.com</dd></dl></div>');
    await vi.advanceTimersByTimeAsync(300);
    expect(reads()).toBe(1);
    expect(last()?.contactEmail).toBe('dana@acmedental.com');
    scheduler.stop();
  });

  it('finds a value that appears beside a label that had none', async () => {
    const { scheduler, reads, last } = setUp(
      `${PANEL}<div><div><span>Requester</span><span id="v"></span></div></div>`,
    );
    expect(last()?.contactName).toBeUndefined();
    document.getElementById('v')!.textContent = 'Dana Whitfield';
    await vi.advanceTimersByTimeAsync(300);
    expect(reads()).toBe(1);
    expect(last()?.contactName).toBe('Dana Whitfield');
    scheduler.stop();
  });

  it('reads a ticket number that appears in a heading', async () => {
    const { scheduler, last } = setUp(`${PANEL}<h1 id="h">Printer offline</h1>`);
    expect(last()?.ticketId).toBe('1042');
    document.getElementById('h')!.firstChild!.nodeValue = '#48213 Printer offline';
    await vi.advanceTimersByTimeAsync(300);
    expect(last()?.ticketId).toBe('48213');
    scheduler.stop();
  });

  it('reads a field that a change of attributes hides', async () => {
    document.head.insertAdjacentHTML('beforeend', '<style>.gone{display:none}</style>');
    const { scheduler, reads } = setUp(`${PANEL}<p>x</p>`);
    document.getElementById('panel')!.className = 'gone';
    await vi.advanceTimersByTimeAsync(300);
    expect(reads()).toBe(1);
    scheduler.stop();
  });

  it('reads a field that a change of attributes far above it hides, not one that only relabels a bystander', async () => {
    const { scheduler, reads } = setUp(
      `<main><div><div id="wrap"><section>${PANEL}</section></div></div></main><p id="p">x</p>`,
    );
    document.getElementById('p')!.setAttribute('role', 'note');
    await vi.advanceTimersByTimeAsync(1100);
    expect(reads()).toBe(0);
    document.getElementById('wrap')!.setAttribute('hidden', '');
    await vi.advanceTimersByTimeAsync(300);
    expect(reads()).toBe(1);
    scheduler.stop();
  });

  it('reads a text that changes into a label, and one that stops being one', async () => {
    const { scheduler, reads } = setUp(`${PANEL}<p id="p">Notes</p>`);
    const text = document.getElementById('p')!.firstChild!;
    text.nodeValue = 'Customer: Evil Corp';
    await vi.advanceTimersByTimeAsync(300);
    expect(reads()).toBe(1);
    text.nodeValue = 'Notes';
    await vi.advanceTimersByTimeAsync(1100);
    expect(reads()).toBe(2);
    scheduler.stop();
  });

  it('reads a large batch of changes as a whole page, at most once a second', async () => {
    const { scheduler, reads } = setUp(`${PANEL}<div id="feed"></div>`);
    const feed = document.getElementById('feed')!;
    const ticker = setInterval(() => {
      // 151 records in one batch: too many to look at.
      for (let k = 0; k < 150; k++) feed.append(document.createElement('i'));
      feed.replaceChildren();
    }, 16);
    await vi.advanceTimersByTimeAsync(10_000);
    clearInterval(ticker);
    scheduler.stop();
    expect(reads()).toBeGreaterThanOrEqual(8);
    expect(reads()).toBeLessThanOrEqual(11);
  });
});
