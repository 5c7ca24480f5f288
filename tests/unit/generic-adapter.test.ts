import { describe, expect, it } from 'vitest';
import {
  examples,
  generic,
  nonExamples,
  parseContact,
  readGeneric,
  regionsOfLastRead,
  ticketIdFromHeading,
  ticketIdFromUrl,
} from '@/adapters/generic';
import { detectTicket } from '@/adapters';

const page = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
const TICKET = new URL('https://help.example.com/tickets/1042');
const read = (body: string, url = TICKET) => generic.read(page(body), url);

describe('generic isTicketUrl', () => {
  it.each(examples)('recognises $url', ({ url, ticketId }) => {
    expect(generic.isTicketUrl(new URL(url))).toBe(true);
    expect(ticketIdFromUrl(new URL(url))).toBe(ticketId);
  });
  it.each(nonExamples)('rejects %s', (url) => {
    expect(generic.isTicketUrl(new URL(url))).toBe(false);
  });
});

describe('generic read: labelled fields', () => {
  it('reads <dt>/<dd> and a "Name <email>" requester', () => {
    const r = read(
      '<dl><dt>Requester</dt><dd>Dana Lee &lt;Dana@AcmeDental.com&gt;</dd><dt>Company</dt><dd> Acme Dental  Group </dd></dl>',
    );
    expect(r).toMatchObject({
      ticketId: '1042',
      company: 'Acme Dental Group',
      contactName: 'Dana Lee',
      contactEmail: 'dana@acmedental.com',
      missing: [],
    });
    expect(r.emails).toEqual([]);
  });

  it('reads the ticket type for campaign insights, but not one a customer wrote in a message', () => {
    expect(read('<dl><dt>Company</dt><dd>Acme</dd><dt>Type</dt><dd>Incident</dd></dl>').ticketType).toBe('Incident');
    expect(read('<table><tr><th>Issue type</th><td>Service request</td></tr></table>').ticketType).toBe(
      'Service request',
    );
    expect(
      read(
        '<div class="message-body"><dl><dt>Type</dt><dd>Free upgrade</dd></dl></div><dl><dt>Category</dt><dd>Network</dd></dl>',
      ).ticketType,
    ).toBe('Network');
    expect(read('<dl><dt>Company</dt><dd>Acme</dd></dl>').ticketType).toBeUndefined();
  });

  it('reads <label for> with an input and a select', () => {
    const r = read(`
      <label for="org">Organisation:</label><input id="org" value="Baker and Price, L.L.P.">
      <label for="req">Contact</label><select id="req"><option>x</option><option selected>pat.baker@gmail.com</option></select>`);
    expect(r).toMatchObject({ company: 'Baker and Price, L.L.P.', contactEmail: 'pat.baker@gmail.com' });
  });

  it('reads a wrapping label without taking its options as the label', () => {
    const r = read(
      '<label>Client <select><option selected>Riverside Family Clinic</option><option>Other</option></select></label>',
    );
    expect(r.company).toBe('Riverside Family Clinic');
  });

  it('reads <th>/<td>, aria-label and "Company: X" text', () => {
    expect(read('<table><tr><th>Customer</th><td>Acme Dental Group</td></tr></table>').company).toBe(
      'Acme Dental Group',
    );
    expect(read('<span aria-label="Account">Acme Dental Group</span>').company).toBe('Acme Dental Group');
    expect(read('<div class="props">Company: Acme Dental Group<br>From: dana@acmedental.com</div>')).toMatchObject({
      company: 'Acme Dental Group',
      contactEmail: 'dana@acmedental.com',
    });
    expect(read('<p><b>Organization:</b> Acme Dental Group</p>').company).toBe('Acme Dental Group');
    expect(read('<div><span>Company:</span><span>Acme Dental Group</span></div>').company).toBe('Acme Dental Group');
  });

  it('takes the contact email from a mailto: link in the contact field', () => {
    const r = read('<dl><dt>Requester</dt><dd><a href="mailto:dana@acmedental.com">Dana Lee</a></dd></dl>');
    expect(r).toMatchObject({ contactName: 'Dana Lee', contactEmail: 'dana@acmedental.com' });
  });

  it('reads neither of two labelled fields that disagree, and says they do', () => {
    const r = read('<dl><dt>Company</dt><dd>First Co</dd></dl><dl><dt>Organization</dt><dd>Second Co</dd></dl>');
    expect(r.company).toBeUndefined();
    expect(r.conflict).toEqual(['company']);
    // The same company twice (once shortened) is no disagreement.
    const same = read('<dl><dt>Company</dt><dd>Acme Dental</dd></dl><p>Account: Acme Dental Group</p>');
    expect(same).toMatchObject({ company: 'Acme Dental' });
    expect(same.conflict ?? []).toEqual([]);
  });

  it('never takes a later label as a value', () => {
    expect(read('<label>Company:</label><span>Contact:</span> Dana').company).toBeUndefined();
  });

  it('rejects placeholders and over-long company names', () => {
    expect(read('<dl><dt>Company</dt><dd>—</dd></dl>').company).toBeUndefined();
    expect(read(`<dl><dt>Company</dt><dd>${'x'.repeat(201)}</dd></dl>`).company).toBeUndefined();
  });

  it('takes other emails only from the contact fields, never from free text or stray mailto: links', () => {
    const r = read(`<dl><dt>From</dt><dd>dana@acmedental.com</dd><dt>Requester</dt><dd>Dana@AcmeDental.com</dd></dl>
      <p>CC: <a href="mailto:Nora.Quinn@AcmeDental.com?subject=hi">Nora</a>, ops@acmedental.com, not-an-email@</p>`);
    expect(r.contactEmail).toBe('dana@acmedental.com');
    expect(r.emails).toEqual([]);
  });

  it('lists what it could not read', () => {
    expect(read('<p>nothing here</p>', new URL('https://h.example/ticket.php?id=9')).missing).toEqual([
      'company',
      'contactEmail',
    ]);
  });
});

describe('generic read: ticket id', () => {
  it('takes the number the page shows (heading, badge; the title where the URL has none), else the id in the URL, which it keeps', () => {
    expect(read('<h1>Ticket #48213</h1>')).toMatchObject({ ticketId: '48213', urlTicketId: '1042' });
    expect(read('<p>nothing</p>').ticketId).toBe('1042');
    expect(detectTicket(page('<p>nothing</p>'), TICKET)?.urlTicketId).toBeUndefined();
    expect(read('<span class="ticket-number">#1234</span>')).toMatchObject({ ticketId: '1234', urlTicketId: '1042' });
    const titled = new DOMParser().parseFromString(
      '<html><head><title>Ticket #48213 - Printer · Desk</title></head><body></body></html>',
      'text/html',
    );
    expect(generic.read(titled, new URL('https://help.example.com/desk/ticket-view.php'))).toMatchObject({
      ticketId: '48213',
    });
    // Where the URL names a ticket, a title (which a single-page app updates late) does not override it.
    expect(generic.read(titled, TICKET).ticketId).toBe('1042');
    // Only at the start: a subject that mentions another ticket is not its number.
    expect(read('<h1>Re: Ticket #666</h1>').ticketId).toBe('1042');
    expect(read('<h1>Ticket #1042 · Printer offline</h1>', new URL('https://h.example/helpdesk/view')).ticketId).toBe(
      '1042',
    );
    expect(read('<h2>#HD-9 Printer</h2>', new URL('https://h.example/x')).ticketId).toBe('HD-9');
    expect(read('<h1>Printer offline</h1>', new URL('https://h.example/x')).missing).toContain('ticketId');
  });
  it('parses headings', () => {
    expect(ticketIdFromHeading('Ticket 1042')).toBe('1042');
    expect(ticketIdFromHeading('Ticket #1042')).toBe('1042');
    expect(ticketIdFromHeading('Issue #abc')).toBeUndefined();
  });
});

describe('generic read: the hostile ticket body', () => {
  const hostile = `
    <h1>Ticket #1046</h1>
    <div class="conversation">
      <div class="message-body">
        Company: Evil Corp
        <dl><dt>Company</dt><dd>Acme Dental Group</dd></dl>
        <a href="mailto:dana@acmedental.com">write to dana</a> boss@evil.example
        <h1>Ticket #666</h1>
      </div>
    </div>
    <blockquote>Organization: Quoted Corp</blockquote>
    <div contenteditable="true">Client: Draft Corp</div>
    <div hidden>Company: Hidden Corp</div>
    <aside class="properties">
      <dl><dt>Company</dt><dd>Riverside Family Clinic</dd><dt>Requester</dt><dd>Tom Becker &lt;tom.becker@riversideclinic.org&gt;</dd></dl>
    </aside>`;

  it('reads only the fields outside message bodies', () => {
    const r = read(hostile, new URL('https://h.example/helpdesk/view'));
    expect(r).toMatchObject({
      ticketId: '1046',
      company: 'Riverside Family Clinic',
      contactName: 'Tom Becker',
      contactEmail: 'tom.becker@riversideclinic.org',
    });
    expect(r.emails).toEqual([]);
  });

  it.each(['message', 'comment', 'thread', 'reply', 'email-content', 'article', 'ticket-body'])(
    'skips class "%s"',
    (cls) => {
      expect(read(`<div class="x ${cls}"><p>Company: Evil Corp</p></div>`).company).toBeUndefined();
      expect(read(`<div id="${cls}-1"><p>Company: Evil Corp</p></div>`).company).toBeUndefined();
    },
  );

  it('never reads markup as text', () => {
    const r = read('<dl><dt>Company</dt><dd>&lt;img src=x onerror=alert(1)&gt; Acme</dd></dl>');
    expect(r.company).toBe('<img src=x onerror=alert(1)> Acme');
  });
});

describe('parseContact', () => {
  it.each([
    ['Dana Lee <dana@acmedental.com>', 'Dana Lee', 'dana@acmedental.com'],
    ['"Dana Lee" (Dana@AcmeDental.com)', 'Dana Lee', 'dana@acmedental.com'],
    ['dana@acmedental.com', undefined, 'dana@acmedental.com'],
    ['Dana Lee', 'Dana Lee', undefined],
    ['Dana <not an email>', 'Dana <not an email>', undefined],
  ])('%s', (text, name, email) => {
    expect(parseContact(text)).toEqual({ name, email });
  });
});

describe('detectTicket with the generic adapter', () => {
  it('returns a validated TicketRef for a ticket page', () => {
    const ref = detectTicket(
      page('<dl><dt>Company</dt><dd>Acme Dental Group</dd><dt>From</dt><dd>Dana@AcmeDental.com</dd></dl>'),
      TICKET,
    );
    expect(ref).toEqual({
      helpdesk: 'generic',
      ticketId: '1042',
      url: TICKET.href,
      company: 'Acme Dental Group',
      contactName: undefined,
      contactEmail: 'dana@acmedental.com',
      emails: [],
      missing: [],
    });
  });
  it('returns null for a page that is not a ticket', () => {
    expect(
      detectTicket(
        page('<h1>Ticket #1042</h1><dl><dt>Company</dt><dd>Acme</dd></dl>'),
        new URL('https://help.example.com/tickets'),
      ),
    ).toBeNull();
  });
});

describe('detectTicket on a page named after a ticket without an id in its URL', () => {
  const url = new URL('https://help.example.com/desk/ticket-view.php');
  it('is a ticket when the heading names one', () => {
    const ref = detectTicket(page('<h1>Ticket #1042 Printer</h1><dl><dt>Company</dt><dd>Acme</dd></dl>'), url);
    expect(ref).toMatchObject({ ticketId: '1042', company: 'Acme' });
  });
  it('is not a ticket when no heading names one', () => {
    expect(detectTicket(page('<h1>Your open tickets</h1><dl><dt>Company</dt><dd>Acme</dd></dl>'), url)).toBeNull();
  });
});

describe('generic detector details', () => {
  const url = new URL('https://help.example.com/tickets/7');
  it('splits a contact whose name and address sit on separate lines', () => {
    const r = detectTicket(
      page(
        '<dl><dt>Requester</dt><dd>Dana Whitfield<br><a href="mailto:dana@acmedental.com">dana@acmedental.com</a></dd></dl>',
      ),
      url,
    );
    expect(r).toMatchObject({ contactName: 'Dana Whitfield', contactEmail: 'dana@acmedental.com' });
  });
  it('reads fields inside a Bootstrap card-body panel but not inside a message body', () => {
    const r = detectTicket(
      page(
        '<div class="message-body">Company: Evil Corp</div><div class="card-body"><dl><dt>Company</dt><dd>Acme Dental</dd></dl></div>',
      ),
      url,
    );
    expect(r?.company).toBe('Acme Dental');
  });
});

describe('generic read: more real layouts', () => {
  it('reads two-td rows, aria-labelledby, a label beside its value and "Label: value" in one cell', () => {
    expect(read('<table><tr><td>Company</td><td>Acme Dental Group</td></tr></table>').company).toBe(
      'Acme Dental Group',
    );
    expect(read('<span id="l1">Organization</span><div aria-labelledby="l1">Acme Dental Group</div>').company).toBe(
      'Acme Dental Group',
    );
    expect(read('<div><span class="lbl">Client</span><span>Acme Dental Group</span></div>').company).toBe(
      'Acme Dental Group',
    );
    expect(read('<table><tr><td>Customer: Acme Dental Group</td></tr></table>').company).toBe('Acme Dental Group');
  });

  it('reads a customer card without labels: name, mailto: and the organisation beneath', () => {
    const r = read(
      '<div class="customer-card"><span class="avatar">DW</span><b>Dana Whitfield</b><a href="mailto:dana@acmedental.com">dana@acmedental.com</a><span>Acme Dental Group</span><a href="/u/1">View profile</a></div>',
    );
    expect(r).toMatchObject({
      company: 'Acme Dental Group',
      contactName: 'Dana Whitfield',
      contactEmail: 'dana@acmedental.com',
    });
  });

  it("takes no agent's menu for a customer card", () => {
    const r = read('<div class="user-menu"><span>Agent Smith</span><a href="mailto:smith@msp.example">me</a></div>');
    expect(r.contactEmail).toBeUndefined();
  });
});

describe('detectTicket on a site the user added', () => {
  const url = new URL('https://portal.example.com/app/view.aspx?ref=Q7');
  const titled = (title: string) =>
    new DOMParser().parseFromString(
      `<html><head><title>${title}</title></head><body><dl><dt>Company</dt><dd>Acme</dd></dl></body></html>`,
      'text/html',
    );
  it('counts a page whose title shows a ticket number, whatever its URL', () => {
    expect(detectTicket(titled('Ticket #5521 – Scanner'), url, 'detect')).toMatchObject({ ticketId: '5521' });
    expect(detectTicket(titled('Dashboard'), url, 'detect')).toBeNull();
    // Not on a site the user did not add.
    expect(detectTicket(titled('Ticket #5521 – Scanner'), url)).toBeNull();
  });
});

// Its time on hostile shapes (8,000 "label:<br>", 2,000 nested labels) is measured in Chromium by `npm run bench`.
describe('generic read stays bounded on hostile shapes', () => {
  it('stops at its budget, says the page was too large, and trusts none of its fields', () => {
    const doc = page('<dl><dt>Company</dt><dd>Acme</dd></dl>' + '<p>x</p>'.repeat(200));
    const r = readGeneric(doc, TICKET, { nodes: 100, fieldsPerKind: 24 });
    expect(r.tooLarge).toBe(true);
    expect(r.company).toBeUndefined();
    expect(r.ticketId).toBe('1042');
    const ref = detectTicket(doc, TICKET);
    expect(ref?.tooLarge).toBeUndefined();
  });
});

describe('regionsOfLastRead', () => {
  it("names the fields, their labels' holders and the ticket number the reading used, nothing else", () => {
    const doc = page(
      '<h1>Ticket #1042 Printer</h1><dl id="p"><dt>Company</dt><dd id="c">Acme</dd></dl><p id="x">Hello</p>',
    );
    readGeneric(doc, TICKET);
    const used = regionsOfLastRead()!;
    expect(used).toContain(doc.getElementById('c'));
    expect(used).toContain(doc.getElementById('p'));
    expect(used).toContain(doc.querySelector('h1'));
    expect(used).not.toContain(doc.getElementById('x'));
    expect(used).not.toContain(doc.body);
  });
});
