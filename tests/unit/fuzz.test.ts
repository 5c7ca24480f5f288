import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageSchemas, parseMessage } from '@/core/messages';
import { classifySender } from '@/core/senders';
import { detectTicket } from '@/adapters';
import { parseImportFile } from '@/sources/csv-import';
import { parseJsonText, validateBackup } from '@/sources/backup';

/** A backup file's text read as the importer reads it (sources/json-import.ts). */
const parseBackup = (text: string) => validateBackup(parseJsonText(text));

/** Property tests: hostile or random input never throws and never gets through by accident. */
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const granted = (url: string) => url.startsWith('https://acme.zendesk.com/');

describe('the message router under random input', () => {
  it('parses any JSON value without throwing, and accepts only known types', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (payload) => {
        const m = parseMessage(payload);
        if (m) expect(Object.keys(messageSchemas)).toContain(m.type);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts a random object with a known type only when it fits that type exactly', () => {
    const types = Object.keys(messageSchemas);
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.dictionary(fc.string(), fc.jsonValue()), (type, extra) => {
        const m = parseMessage({ ...extra, type });
        if (m) expect(messageSchemas[m.type].schema.safeParse(m).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never classifies a forged sender as ours', () => {
    const sender = fc.record(
      {
        id: fc.oneof(fc.constant(ID), fc.string()),
        url: fc.oneof(
          fc.webUrl(),
          fc.constant(`${ORIGIN}sidebar.html`),
          fc.constant('https://acme.zendesk.com/agent/tickets/1'),
          fc.string(),
        ),
        frameId: fc.oneof(fc.constant(0), fc.integer()),
        tab: fc.option(fc.record({ id: fc.option(fc.integer(), { nil: undefined }) }), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(sender, (s) => {
        const kind = classifySender(s, ID, ORIGIN, granted);
        if (kind) expect(s.id).toBe(ID);
        if (kind === 'content') expect(s.frameId === 0 && granted(s.url!) && typeof s.tab?.id === 'number').toBe(true);
        if (kind === 'sidebar')
          expect(s.url!.startsWith(`${ORIGIN}sidebar.html`) && typeof s.tab?.id === 'number').toBe(true);
        if (kind === 'extension-page') expect(s.url!.startsWith(ORIGIN)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // A property test: thousands of runs, slow on a loaded 2-core machine.
  }, 30_000);
});

describe('importers under random input', () => {
  it('parse random bytes as CSV or JSON without throwing, and say where each problem is', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('a.csv', 'a.json', 'a.txt'),
        (bytes, fileName) => {
          const p = parseImportFile({ fileName, bytes });
          expect(p.errorCount).toBeGreaterThanOrEqual(p.errors.length);
          for (const e of p.errors) {
            expect(e.file).toBe(fileName);
            expect(e.line).toBeGreaterThanOrEqual(0);
            expect(e.code.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('parse random CSV-shaped text without throwing, every record carrying its source id', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('"a,b"', '""', '=1+1', '__proto__', '12k', '2024-13-45'),
    );
    const csv = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 20 })
      .map((rows) => ['id,name,domains,customerSince', ...rows.map((r) => r.join(','))].join('\n'));
    fc.assert(
      fc.property(csv, (text) => {
        const p = parseImportFile({ fileName: 'accounts.csv', bytes: new TextEncoder().encode(text), kind: 'account' });
        for (const r of p.records) expect(r.id.startsWith('csv:')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuse random JSON as a backup with a BackupError, never anything else', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        try {
          parseBackup(text);
        } catch (e) {
          expect((e as Error).name).toBe('BackupError');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the ticket detector on random pages', () => {
  it('never throws and keeps every field within bounds', () => {
    const html = fc
      .array(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom(
            '<dl><dt>Company</dt><dd>',
            '</dd></dl>',
            '<label for="x">Client</label><input id="x" value="',
            '">',
            '<a href="mailto:',
            '@example.com">',
            '<div class="message-body">',
            '</div>',
            '<h1>Ticket #',
            '<script>',
            '</script>',
          ),
        ),
        { maxLength: 60 },
      )
      .map((parts) => `<!doctype html><html><body>${parts.join('')}</body></html>`);
    fc.assert(
      fc.property(
        html,
        fc.constantFrom(
          'https://help.example.com/tickets/7',
          'https://northwind.zendesk.com/agent/tickets/7',
          'https://rt.example.com/Ticket/Display.html?id=7',
        ),
        (source, url) => {
          const ref = detectTicket(new DOMParser().parseFromString(source, 'text/html'), new URL(url));
          if (!ref) return;
          expect(ref.company === undefined || ref.company.length <= 200).toBe(true);
          expect(ref.emails.length).toBeLessThanOrEqual(50);
          expect(ref.missing.length).toBeLessThanOrEqual(20);
        },
      ),
      { numRuns: 300 },
    );
  });
});
