import { afterEach, describe, expect, it, vi } from 'vitest';
import { readGeneric } from '@/adapters/generic';

const page = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
const TICKET = new URL('https://help.example.com/tickets/1042');
const read = (body: string) => readGeneric(page(body), TICKET);

// Where the page shows its ticket number is found from the number's own text ("#1042",
// "Ticket #1042"), not by asking Chromium for every element whose class or id holds "ticket".
describe('generic scan: the number the page shows', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks Chromium for no class or id that merely holds a word, and for labels and mailto: links apart', () => {
    const qsa = vi.spyOn(Element.prototype, 'querySelectorAll');
    expect(read('<div class="hdr"><span class="ticket-number">#48213</span></div>').ticketId).toBe('48213');
    const selectors = qsa.mock.calls.map((c) => String(c[0]));
    expect(selectors.filter((s) => s.includes('*='))).toEqual([]);
    // One selector a query: a list of them costs Chromium more than the same queries apart.
    expect(selectors.filter((s) => s.includes('aria-label') && s.includes('mailto'))).toEqual([]);
  });

  it('finds a badge a few levels above the number, and the mark apart from the digits', () => {
    expect(read('<div class="ticket-id"><span><b>#77</b></span></div>').ticketId).toBe('77');
    expect(read('<div id="ticketNumber"><span>Ticket</span> <span>#78</span></div>').ticketId).toBe('78');
    expect(read('<span class="ticket-no"><i>#</i>79</span>').ticketId).toBe('79');
    expect(read('<span class="ticket-ref">[<b>#80</b>]</span>').ticketId).toBe('80');
  });

  it('takes a badge before any heading, and the first heading in page order', () => {
    expect(read('<h1>Ticket #1 Printer</h1><p>x</p><span class="ticket-number">#2</span>').ticketId).toBe('2');
    expect(read('<h2>Case No. 3</h2><h1>Ticket #4</h1>').ticketId).toBe('3');
    expect(read('<div role="heading">Ticket #5</div><h1>Ticket #6</h1>').ticketId).toBe('5');
    expect(read('<h3><a href="/t/7"><span>Ticket #7</span></a></h3>').ticketId).toBe('7');
  });

  it('never takes a number from customer text', () => {
    // A badge or heading inside a message the customer wrote, or a heading that only mentions one.
    expect(read('<div class="message-body"><span class="ticket-number">#666</span></div>').ticketId).toBe('1042');
    expect(read('<blockquote><h1>Ticket #667</h1></blockquote>').ticketId).toBe('1042');
    expect(read('<article><div role="heading">Ticket #668</div></article>').ticketId).toBe('1042');
    expect(read('<h1>Re: Ticket #669</h1>').ticketId).toBe('1042');
  });

  it('looks around the first 200 number-like texts only: a list of thousands of "#1234" links stays cheap', () => {
    const links = Array.from({ length: 5000 }, (_, i) => `<tr><td><a href="/tickets/${i}">#${i}</a></td></tr>`).join(
      '',
    );
    const hasAttributes = vi.spyOn(Element.prototype, 'hasAttributes');
    const r = read(`<h1>Ticket #1042 Printer</h1><table>${links}</table><span class="ticket-number">#9</span>`);
    // The heading's number stands; the badge after 5,000 links is past the budget.
    expect(r.ticketId).toBe('1042');
    expect(hasAttributes.mock.calls.length).toBeLessThan(1000);
    // Within the budget, a badge after a list of links is found.
    const few = links.slice(0, links.indexOf('#150<'));
    expect(read(`<table>${few}</table><span class="ticket-number">#9</span>`).ticketId).toBe('9');
  }, 20_000);
});
