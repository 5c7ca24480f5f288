import { afterEach, describe, expect, it, vi } from 'vitest';
import { genericSteps, readGeneric, readInSlices } from '@/adapters/generic';
import { detectSteps, detectTicket } from '@/adapters';
import { visibleText } from '@/adapters/visible-text';

/**
 * A large page's first reading is made in slices, the page given the main thread between them
 * (issue 20, "never frozen"): the content script's reading (readInSlices; slices of 0 ms pause
 * at every chance), and the ticket's visible text the background reads (visibleText).
 */
const TICKET = new URL('https://help.example.com/tickets/1042');
const PANEL =
  '<aside><dl><dt>Company</dt><dd>Acme Dental Group</dd><dt>Requester</dt><dd>Dana <a href="mailto:dana@acmedental.com">dana@acmedental.com</a></dd></dl></aside>';
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => `<div class="row"><span>Printer ${i}</span> <span>offline</span></div>`).join('');
const page = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');

describe('the reader in slices', () => {
  /** Reads `doc` as the content script does, in slices of 0 ms: `pause` runs at every chance. */
  const sliced = (doc: Document, pause: () => Promise<unknown>) => readInSlices(genericSteps(doc, TICKET), pause, 0);

  it('gives the page the main thread during a large page’s text pass, and reads what readGeneric reads', async () => {
    const doc = page(`<h1>Ticket #1042</h1>${rows(1_500)}${PANEL}${rows(1_500)}`);
    let pauses = 0;
    const [reading, cost] = await sliced(doc, async () => void pauses++);
    // 9,000 text nodes: a look at the clock every 128 of them, then between the reading's parts.
    expect(pauses).toBeGreaterThanOrEqual(70);
    expect(reading).toEqual(readGeneric(doc, TICKET));
    expect(reading).toMatchObject({ company: 'Acme Dental Group', contactEmail: 'dana@acmedental.com' });
    expect(cost).toBeGreaterThan(0);
  });

  it('gives the page the main thread while it reads thousands of candidates (a hostile page)', async () => {
    // 3,000 labels in 3,000 text nodes: the text pass pauses 23 times; reading the candidates
    // was one slice (63 ms in a fresh tab in the bench) before it paused every 16 of them.
    const doc = page(`${PANEL}${'<p>Company:<br></p>'.repeat(3_000)}`);
    let pauses = 0;
    const [reading] = await sliced(doc, async () => void pauses++);
    expect(pauses).toBeGreaterThan(3_000 / 128 + 3_000 / 16);
    expect(reading).toEqual(readGeneric(doc, TICKET));
  });

  it('reads as detectTicket does when the content script reads in slices (detectSteps)', async () => {
    const doc = page(`<h1>Ticket #1042</h1>${rows(1_000)}${PANEL}`);
    let pauses = 0;
    const [ref] = await readInSlices(detectSteps(doc, TICKET), async () => void pauses++, 0);
    expect(pauses).toBeGreaterThan(3);
    expect(ref).toEqual(detectTicket(doc, TICKET));
    expect(ref).toMatchObject({ helpdesk: 'generic', ticketId: '1042', company: 'Acme Dental Group' });
  });

  it('reads the page as it is when the page removed, between two slices, the part the walk stood on', async () => {
    const doc = page(`<div id="old">${rows(2_000)}${PANEL}</div>`);
    let pauses = 0;
    const [reading] = await sliced(doc, async () => {
      // The help desk replaces its view: the old panel goes, a new one comes.
      if (pauses++ === 0) doc.body.innerHTML = PANEL.replace('Acme Dental Group', 'Baker & Price LLP');
    });
    expect(reading.company).toBe('Baker & Price LLP');
  });

  it('reads the new body when the page replaced its body between two slices', async () => {
    const doc = page(`${PANEL}${rows(2_000)}`);
    let pauses = 0;
    const [reading] = await sliced(doc, async () => {
      if (pauses++ !== 0) return;
      const body = doc.createElement('body');
      body.innerHTML = PANEL.replace('Acme Dental Group', 'Baker & Price LLP');
      doc.body.replaceWith(body);
    });
    expect(reading.company).toBe('Baker & Price LLP');
  });

  it('never reads a field from a part removed between two slices', async () => {
    // The walk has passed the panel at its first pause (after 128 text nodes), and stands in the rows.
    const doc = page(`<div id="gone">${PANEL}</div>${rows(2_000)}`);
    let pauses = 0;
    const [reading] = await sliced(doc, async () => {
      if (pauses++ === 0) doc.getElementById('gone')!.remove();
    });
    expect(pauses).toBeGreaterThan(1);
    expect(reading.company).toBeUndefined();
    expect(reading.contactEmail).toBeUndefined();
  });

  it('drops a field already read when the page removes it before the reading ends', async () => {
    // Fewer than 128 text nodes: no pause in the text pass. The panel is read first, then the
    // reading pauses among the other candidates, and the page removes the panel meanwhile.
    const doc = page(`<div id="gone">${PANEL}</div>${'<p>Type: Incident</p>'.repeat(40)}`);
    let pauses = 0;
    const [reading] = await sliced(doc, async () => {
      if (pauses++ === 0) doc.getElementById('gone')!.remove();
    });
    expect(readGeneric(page(`<div id="gone">${PANEL}</div>`), TICKET).company).toBe('Acme Dental Group');
    expect(reading.company).toBeUndefined();
    expect(reading.contactEmail).toBeUndefined();
    expect(reading.ticketType).toBe('Incident');
  });
});

/**
 * The ticket's visible text, read in the tab by the background only when the fields match
 * nothing (services/page-text.ts), in slices too: here the page is this test's document.
 */
describe('the ticket’s text in slices', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });
  const show = (body: string) => (document.body.innerHTML = body);

  it('takes a large region part by part, pausing, in page order, without its hidden parts', async () => {
    show(
      `<main><h1>Printer offline</h1>${rows(3_000)}<div style="display:none">Evil Corp hidden</div><p>Last words</p></main>`,
    );
    const pauses = vi.spyOn(globalThis, 'setTimeout');
    const [href, text] = await visibleText(1_000_000, 500);
    expect(href).toBe(location.href);
    expect(pauses).toHaveBeenCalled();
    expect(text.startsWith('Printer offline\n')).toBe(true);
    expect(text.indexOf('Printer 2999')).toBeGreaterThan(text.indexOf('Printer 0'));
    expect(text.trimEnd().endsWith('Last words')).toBe(true);
    expect(text).not.toContain('Evil Corp');
  });

  it('stops at the most it reads', async () => {
    show(`<main>${rows(3_000)}</main>`);
    const [, text] = await visibleText(10_000, 500);
    expect(text.length).toBe(10_000);
  });

  it('passes over comments and takes an SVG’s text', async () => {
    show(`<main><!-- a note -->${rows(600)}<svg><text>Chart label</text></svg></main>`);
    const [, text] = await visibleText(1_000_000, 500);
    expect(text).toContain('Chart label');
    expect(text).not.toContain('undefined');
    expect(text).not.toContain('a note');
  });
});
