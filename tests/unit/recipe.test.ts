import { describe, expect, it } from 'vitest';
import { buildLocator, locate, looksGenerated, readByRecipe } from '@/adapters/recipe';
import { detectTicket } from '@/adapters';
import { asRecipe } from '@/core/recipe';

const page = (body: string) => new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');

describe('looksGenerated', () => {
  it('rejects hex and digit runs and framework hashes, keeps words', () => {
    for (const name of ['ember48213', 'css-1x2y3z4', 'a8f3c0d1e2f4', 'x-9f8a7b6c', 'Button__abc12'])
      expect(looksGenerated(name), name).toBe(true);
    for (const name of ['company', 'requester-email', 'qx-l1', 'org_name'])
      expect(looksGenerated(name), name).toBe(false);
  });
});

describe('buildLocator', () => {
  it('prefers a stable id, then data attributes, over classes and positions', () => {
    const doc = page(
      '<div id="org" data-field="company" class="v">Acme</div><div data-field="email" class="v">a@b.co</div>',
    );
    expect(buildLocator(doc, doc.getElementById('org')!)).toEqual({ ok: true, locator: '#org' });
    const email = doc.querySelector('[data-field="email"]')!;
    expect(buildLocator(doc, email)).toEqual({ ok: true, locator: 'div[data-field="email"]' });
  });

  it('skips generated ids and non-unique classes, and checks the locator finds exactly one element', () => {
    const doc = page(
      '<div id="ember1234" class="card"><span class="css-9f8a7b6c qx-name">Acme</span></div><span class="qx-name">Other</span>',
    );
    const el = doc.querySelector('#ember1234 span')!;
    const built = buildLocator(doc, el);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.locator).not.toMatch(/ember1234|9f8a7b6c/);
    expect(doc.querySelectorAll(built.locator)).toHaveLength(1);
    expect(locate(doc, built.locator)).toBe(el);
  });

  it('fails clearly when nothing finds the element alone', () => {
    const doc = page('<div><span>a</span><span>b</span></div><div><span>a</span></div>');
    expect(buildLocator(doc, doc.querySelectorAll('span')[1]!)).toEqual({ ok: false, error: 'noUnique' });
  });

  it('refuses customer-written text (a message body)', () => {
    const doc = page('<div class="message-body"><p id="said">Acme</p></div>');
    expect(buildLocator(doc, doc.getElementById('said')!)).toEqual({ ok: false, error: 'customerText' });
  });
});

describe('readByRecipe', () => {
  const doc = page(
    '<h1>Ticket #5521</h1><div class="qx-card"><div class="qx-l1">Acme Dental Group</div><div class="qx-l3">Dana@AcmeDental.com</div></div><div class="message-body">ops@fjord.example</div>',
  );
  it('reads each field by its locator, and lists what it cannot find', () => {
    const r = readByRecipe(doc, { company: 'div.qx-l1', contactEmail: 'div.qx-l3', ticketId: 'div.nope' });
    expect(r.company).toBe('Acme Dental Group');
    expect(r.contactEmail).toBe('dana@acmedental.com');
    expect(r.missing).toEqual(['ticketId']);
  });
  it('never reads inside customer text, and survives an invalid selector', () => {
    const r = readByRecipe(doc, { company: 'div.message-body', contactEmail: 'div[[' });
    expect(r.company).toBeUndefined();
    expect(r.contactEmail).toBeUndefined();
  });
  it('is used first by detectTicket, marked readBy recipe, with the rules as fallback', () => {
    const url = new URL('https://help.example.com/showme-ticket.html');
    const recipe = asRecipe({ company: 'div.qx-l1', contactEmail: 'div.qx-l3' });
    const taught = detectTicket(doc, url, 'detect', recipe)!;
    expect(taught).toMatchObject({
      company: 'Acme Dental Group',
      contactEmail: 'dana@acmedental.com',
      readBy: 'recipe',
      ticketId: '5521',
    });
    const broken = detectTicket(doc, url, 'detect', { company: 'div.gone' })!;
    expect(broken.readBy).toBeUndefined();
    expect(detectTicket(doc, url, 'detect')?.company).not.toBe('Acme Dental Group');
  });
});
