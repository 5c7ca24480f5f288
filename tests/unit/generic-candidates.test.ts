import { afterEach, describe, expect, it, vi } from 'vitest';
import { readGeneric } from '@/adapters/generic';

const page = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
const TICKET = new URL('https://help.example.com/tickets/1042');
const PANEL =
  '<aside class="properties"><dl><dt>Company</dt><dd>Acme Dental Group</dd><dt>Requester</dt><dd>dana@acmedental.com</dd></dl></aside>';

// The generic reader finds its few candidates first (text that starts with a label, an address,
// a few native queries) and reads only them: its work on the rest of the page is one look at
// each text node, never a look at each element's attributes, text or style.
describe('generic read: candidates first', () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads no id or class name of the page's other elements", () => {
    const filler = '<div class="row" id="r"><span class="cell">Printer offline</span> <a href="/x">more</a></div>';
    const doc = page(filler.repeat(500) + PANEL);
    const id = vi.spyOn(Element.prototype, 'id', 'get');
    const r = readGeneric(doc, TICKET);
    expect(r).toMatchObject({ company: 'Acme Dental Group', contactEmail: 'dana@acmedental.com' });
    // 1,500 elements with attributes; the panel's few and their ancestors are all that is asked.
    expect(id.mock.calls.length).toBeLessThan(50);
  }, 20_000);

  it('says a page with more label-like text than its candidate budget is too large to read, and trusts none of it', () => {
    const r = readGeneric(page('Company:<br>'.repeat(20) + PANEL), TICKET, {
      nodes: 400_000,
      fieldsPerKind: 24,
      candidates: 10,
    });
    expect(r.tooLarge).toBe(true);
    expect(r.company).toBeUndefined();
    expect(r.ticketId).toBe('1042');
  });

  it('asks Chromium for aria-labelledby elements only when some label text has an id to be named by', () => {
    const selectors = () => qsa.mock.calls.map((c) => String(c[0]));
    const qsa = vi.spyOn(Element.prototype, 'querySelectorAll');
    expect(readGeneric(page(PANEL), TICKET)).toMatchObject({ company: 'Acme Dental Group' });
    expect(selectors().some((s) => s.includes('aria-label]'))).toBe(true);
    expect(selectors().filter((s) => s.includes('aria-labelledby'))).toEqual([]);
    qsa.mockClear();
    // The label may be hidden (aria-labelledby names hidden labels too) and sit a few levels down.
    const labelled = readGeneric(
      page('<div id="l1" hidden><b><i>Organization</i></b></div><div aria-labelledby="l1">Acme Dental Group</div>'),
      TICKET,
    );
    expect(labelled.company).toBe('Acme Dental Group');
    expect(selectors().some((s) => s.includes('aria-labelledby'))).toBe(true);
  });

  it('still finds the fields, card and ticket number that sit among thousands of other nodes', () => {
    const filler = '<p>Hello team, the printer is offline again.</p>'.repeat(300);
    const r = readGeneric(
      page(
        `${filler}<span class="ticket-number">#48213</span>${filler}<div class="customer-card"><b>Dana Whitfield</b><a href="mailto:dana@acmedental.com">dana@acmedental.com</a><span>Acme Dental Group</span></div>${filler}<span aria-label="Type">Incident</span>`,
      ),
      TICKET,
    );
    expect(r).toMatchObject({
      ticketId: '48213',
      urlTicketId: '1042',
      company: 'Acme Dental Group',
      contactName: 'Dana Whitfield',
      contactEmail: 'dana@acmedental.com',
      ticketType: 'Incident',
    });
  });
});
