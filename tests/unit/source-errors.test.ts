/**
 * The sources' own errors are data (a code and its arguments, core/sync-errors.ts), worded by the
 * pages in English and German (locales syncError.<code>); no English sentence is thrown under
 * sources/ without a code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Flag } from '@/core/flags';
import type { ErrorDetail } from '@/core/sync-errors';
import { errorText } from '@/i18n/error-text';
import { deliverAutotaskFlag } from '@/sources/autotask';
import { deliverConnectWiseFlag } from '@/sources/connectwise';
import { deliverHaloFlag } from '@/sources/halopsa';
import { errorDetail } from '@/sources/http';
import { originOf, type SourceSignIn } from '@/sources/live-source';
import { deliverPipedriveFlag, pipedriveBase } from '@/sources/pipedrive';
import { runSync } from '@/sources/run-sync';
import { runSignIn } from '@/sources/sign-in';
import { feedUrls, parseFeed } from '@/sources/team-feed';
import { openDb } from '@/storage/db';
import { useLanguage } from './catalog';

afterEach(() => useLanguage('en'));

/** The code and arguments a call failed with (undefined: it failed without one, or did not fail). */
async function failure(call: () => unknown): Promise<ErrorDetail | undefined> {
  try {
    await call();
  } catch (e) {
    return errorDetail(e);
  }
  return undefined;
}

/** Every path below fails before it reads the flag itself. */
const flag = { id: 'bsflag-errors', kind: 'more-seats', note: 'Hiring.' } as Flag;
/** No request may go out: every path below fails before it asks anything. */
const noFetch = {
  fetch: () => Promise.reject(new Error('no request expected')),
};

const signIn = (
  back: (url: string) => string | undefined,
): [SourceSignIn, (url: string) => Promise<string | undefined>] => [
  {
    origins: () => ['https://login.example'],
    authorizeUrl: (_s, p) => `https://login.example/authorize?state=${p.state}`,
    exchange: async () => ({ secrets: {}, settings: {} }),
  },
  async (url) => back(url),
];
const stateOf = (url: string) => new URL(url).searchParams.get('state')!;

/** Each failing path, and the code (and arguments) it must give. */
const PATHS: [string, () => unknown, ErrorDetail][] = [
  ['a feed without an address', () => feedUrls({}), { code: 'feedNoAddress', args: [] }],
  ['a feed address that is none', () => feedUrls({ feedUrl: 'nope' }), { code: 'notWebAddress', args: ['nope'] }],
  [
    'a feed over http',
    () => feedUrls({ feedUrl: 'http://files.example/f.json' }),
    { code: 'feedNotHttps', args: ['http://files.example/f.json'] },
  ],
  [
    'a feed address with credentials',
    () => feedUrls({ feedUrl: 'https://me:pw@files.example/f.json' }),
    { code: 'feedCredentialsInAddress', args: [] },
  ],
  [
    'a feed on two servers',
    () => feedUrls({ feedUrl: 'https://a.example/x.csv https://b.example/y.csv' }),
    { code: 'feedOneServer', args: [] },
  ],
  ['a source address that is none', () => originOf('ftp://x'), { code: 'notWebAddress', args: ['ftp://x'] }],
  [
    'a Pipedrive domain that is none',
    () => pipedriveBase('not a domain'),
    { code: 'pipedriveDomain', args: ['not a domain'] },
  ],
  ['a sign-in window closed', () => runSignIn(...withRedirect(() => undefined)), { code: 'signInClosed', args: [] }],
  [
    'a sign-in refused by the vendor',
    () => runSignIn(...withRedirect(() => 'https://back.example/?error=access_denied&error_description=no')),
    { code: 'signInRefused', args: ['access_denied: no'] },
  ],
  [
    'a sign-in answer for another sign-in',
    () => runSignIn(...withRedirect(() => 'https://back.example/?code=c&state=other')),
    { code: 'signInWrongState', args: [] },
  ],
  [
    'a sign-in without a code',
    () => runSignIn(...withRedirect((url) => `https://back.example/?state=${stateOf(url)}`)),
    { code: 'signInNoCode', args: [] },
  ],
  [
    'an Autotask flag on what is no company',
    () => deliverAutotaskFlag({ ...noFetch } as never, flag, 'contact-5'),
    { code: 'autotaskNoCompany', args: ['contact-5'] },
  ],
  [
    'an Autotask flag as a ticket',
    () => deliverAutotaskFlag({ ...noFetch, flagsAs: 'ticket' } as never, flag, 'company-174'),
    { code: 'autotaskFlagsAs', args: ['ticket'] },
  ],
  [
    'a ConnectWise flag without a member to receive it',
    () => deliverConnectWiseFlag({ ...noFetch } as never, flag, 'company-250'),
    { code: 'connectWiseNoMember', args: [] },
  ],
  [
    'a ConnectWise flag on what is no company',
    () => deliverConnectWiseFlag({ ...noFetch, flagsTo: 'sam' } as never, flag, 'contact-x'),
    { code: 'connectWiseNoCompany', args: ['contact-x'] },
  ],
  [
    'a HaloPSA flag on what is no client',
    () => deliverHaloFlag({ ...noFetch } as never, flag, 'user-5'),
    { code: 'haloNoClient', args: ['user-5'] },
  ],
  [
    'a HaloPSA flag as a ticket',
    () => deliverHaloFlag({ ...noFetch, flagsAs: 'ticket' } as never, flag, 'client-12'),
    { code: 'haloFlagsAs', args: ['ticket'] },
  ],
  [
    'a Pipedrive flag on what is no organization',
    () => deliverPipedriveFlag({ ...noFetch, base: 'https://x.pipedrive.com' } as never, flag, 'deal-5'),
    { code: 'pipedriveNoOrg', args: ['deal-5'] },
  ],
];

function withRedirect(
  back: (url: string) => string | undefined,
): [SourceSignIn, Record<string, string>, string, (url: string) => Promise<string | undefined>] {
  const [s, launch] = signIn(back);
  return [s, {}, 'https://back.example/', launch];
}

describe("the sources' own errors", () => {
  it.each(PATHS)('%s gives its code, worded in English and German', async (_, call, expected) => {
    const detail = await failure(call);
    expect(detail).toEqual(expected);
    const english = errorText('', detail);
    useLanguage('de');
    const german = errorText('', detail);
    expect(english).toBeTruthy();
    expect(german).toBeTruthy();
    expect(german).not.toBe(english);
    for (const text of [english, german]) expect(text, text).not.toMatch(/\$\d|syncError/);
    for (const arg of expected.args) expect(german).toContain(arg);
  });

  it("a broken feed names its first problem, worded from the importer's code, in the page's language", async () => {
    const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
    const detail = await failure(() =>
      parseFeed([file('deals.csv', 'id,accountId,name,currency,stage\nd1,a9,Managed IT,USD,Closed Won\n')]),
    );
    expect(detail).toMatchObject({
      code: 'feedBroken',
      importError: { code: 'noRefInFeed', file: 'deals.csv', line: 2, column: 'accountId' },
    });
    expect(errorText('', detail)).toBe(
      'the feed is broken, nothing was read: deals.csv line 2, column "accountId": no account with id "a9" in the feed',
    );
    useLanguage('de');
    expect(errorText('', detail)).toBe(
      'Der Feed ist fehlerhaft, es wurde nichts gelesen: deals.csv Zeile 2, Spalte „accountId“: Kein Datensatz (Konto) mit der ID "a9" im Feed',
    );
  });

  it('a sync of a kind of source there is not fails with its code', async () => {
    const config = { id: 'nope-1', kind: 'nope', label: 'Nope', base: 'https://nope.example', settings: {} };
    const { run } = await runSync(openDb('unknown-kind-' + Math.random()), config, undefined);
    expect(run).toMatchObject({ ok: false, error: { code: 'unknownSourceKind', args: ['nope'] } });
    useLanguage('de');
    expect(errorText(run.message, run.error)).toBe('unbekannte Art von Quelle „nope“');
  });
});

/**
 * The guard: a `new …Error(…)` under sources/ whose first argument is an English sentence (a string
 * or template with a space in it, or a constant holding one) must carry a code: an ErrorDetail
 * (`{ code: … }`) or an importer message (`msg(…)`). Errors that can never reach a user are listed
 * below, each with why.
 */
const INTERNAL: Record<string, string> = {
  // The sample data's generator checks its own tables; sample data is built in tests and by the
  // "Try with sample data" button from fixed tables, so this can only fire on a broken build.
  'sources/sample-data.ts: no free email for': 'an invariant of the fixed sample tables',
  'sources/sample-data.ts: sample data: bad row': 'an invariant of the fixed sample tables',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The text of a call's arguments, from the "(" at `open` to its matching ")". */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** Every `new XError(...)` in the files that throws an English sentence without a code. */
function uncodedSentences(files: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    for (const m of text.matchAll(/new (\w*Error)\(/g)) {
      const args = argumentsAt(text, m.index + m[0].length - 1).trim();
      const sentence = /^(['"`])[^'"`]*\s/.test(args) || /^[A-Z][A-Z0-9_]+\s*(,|$)/.test(args);
      if (!sentence || /\bcode:|\bmsg\(/.test(args)) continue;
      const line = text.slice(0, m.index).split('\n').length;
      const internal = Object.keys(INTERNAL).some(
        (k) => k.startsWith(`${path}: `) && args.slice(1).startsWith(k.slice(path.length + 2)),
      );
      if (internal) continue;
      found.push(`${path}:${line}: new ${m[1]}(${args.slice(0, 60)}`);
    }
    for (const m of text.matchAll(/throw\s+['"`]/g))
      found.push(`${path}:${text.slice(0, m.index).split('\n').length}: throws a string`);
  }
  return found;
}

describe('source addresses over plain http', () => {
  it('are refused unless on this machine: the key and the sales data would travel unencrypted', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
        return 'accepted';
      } catch (e) {
        return errorDetail(e)?.code;
      }
    };
    expect(codeOf(() => originOf('http://crm.example.com/api'))).toBe('sourceNotHttps');
    expect(codeOf(() => pipedriveBase('http://acme.pipedrive.com'))).toBe('sourceNotHttps');
    expect(originOf('https://crm.example.com/api')).toBe('https://crm.example.com');
    expect(originOf('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080');
    expect(originOf('http://localhost:3000')).toBe('http://localhost:3000');
    const detail = { code: 'sourceNotHttps' as const, args: ['http://crm.example.com'] };
    expect(errorText('', detail)).toContain('unencrypted');
    useLanguage('de');
    expect(errorText('', detail)).toContain('unverschlüsselt');
  });
});

describe('the guard against English sentences thrown under sources/', () => {
  it('finds none', () => {
    const files = sourceFiles('sources').map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    expect(files.length).toBeGreaterThan(30);
    expect(uncodedSentences(files)).toEqual([]);
  });

  it('would find the kinds there were before errors had codes, and lets coded ones and invariants pass', () => {
    const file = (text: string) => [{ path: 'sources/x.ts', text }];
    expect(uncodedSentences(file("throw new Error('give the address of the feed');"))).toHaveLength(1);
    expect(uncodedSentences(file('throw new Error(`the feed ${where} answered ${res.status}`);'))).toHaveLength(1);
    expect(uncodedSentences(file("throw new BadResponseError('Salesforce gave no access token');"))).toHaveLength(1);
    expect(uncodedSentences(file('(e) => new AuthError(SIGN_IN_AGAIN, e.status),'))).toHaveLength(1);
    expect(uncodedSentences(file("throw 'no code';"))).toHaveLength(1);
    expect(uncodedSentences(file("throw new SourceError('feedNoAddress');"))).toEqual([]);
    expect(uncodedSentences(file("throw new BadResponseError({ code: 'badAnswer', args: [host] });"))).toEqual([]);
    expect(
      uncodedSentences(file("new TimeoutError(`${w} did not answer`, undefined, url, { code: 'timeout', args })")),
    ).toEqual([]);
    expect(uncodedSentences(file("throw new BackupError(`invalid backup: ${d}`, msg('invalidBackup', d));"))).toEqual(
      [],
    );
    expect(uncodedSentences(file("throw new CellError('notNumber', quote(raw));"))).toEqual([]);
    expect(uncodedSentences(file('if (bad) throw new Error();'))).toEqual([]);
    expect(
      uncodedSentences([{ path: 'sources/sample-data.ts', text: 'throw new Error(`no free email for ${first}`);' }]),
    ).toEqual([]);
  });
});

/**
 * The same guard for what a sync or a connection test says besides errors (core/source-notes.ts):
 * a warning pushed (`warnings.push(…)`, `warning: …`), a check's or a run's `message: …` or a
 * check's `what: …` under sources/ may not be an English sentence (a string or template with a
 * space in it, or a constant holding one): it is a note's code and arguments, worded by the pages.
 */
function uncodedNotes(files: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  const sentence = /^(['"`])[^'"`\n]*[A-Za-z.;:,)]\s[^'"`\n]*\1/;
  for (const { path, text } of files) {
    /** A constant defined in this file as a sentence. */
    const sentenceConstant = (name: string) =>
      new RegExp(`const ${name}\\s*(?::[^=]+)?=\\s*(['"\`])[^'"\`]*\\s`).test(text);
    const at = (index: number, what: string) =>
      found.push(`${path}:${text.slice(0, index).split('\n').length}: ${what}`);
    for (const m of text.matchAll(/\b\w*[wW]arnings\.push\(/g)) {
      const args = argumentsAt(text, m.index + m[0].length - 1).trim();
      const constant = /^([A-Z][A-Z0-9_]+)$/.exec(args)?.[1];
      if (sentence.test(args) || (constant && sentenceConstant(constant))) at(m.index, `pushes ${args.slice(0, 60)}`);
    }
    for (const m of text.matchAll(/\b(warning|message|what):\s*/g)) {
      const value = text.slice(m.index + m[0].length, m.index + m[0].length + 300);
      const expression = value.split(/[,;]\s*\n|\n\s*[}\]]|\s}/)[0]!;
      const constant = /^([A-Z][A-Z0-9_]+)\b/.exec(expression)?.[1];
      if (
        sentence.test(expression) ||
        /['"`][^'"`\n]*[a-z][;:,]?\s['"`]/.test(expression) ||
        (constant && sentenceConstant(constant))
      )
        at(m.index, `${m[1]}: ${expression.slice(0, 60)}`);
    }
  }
  return found;
}

describe('the guard against English warnings, check messages and summaries under sources/', () => {
  it('finds none', () => {
    const files = sourceFiles('sources').map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    expect(uncodedNotes(files)).toEqual([]);
  });

  it('would find the kinds there were before notes had codes, and lets coded ones pass', () => {
    const file = (text: string) => uncodedNotes([{ path: 'sources/x.ts', text }]);
    expect(file("warnings.push('campaigns left out: the API member may not read /marketing/campaigns');")).toHaveLength(
      1,
    );
    expect(
      file(
        "const NOTES_LEFT_OUT = 'CRM notes left out: the API user may not read CompanyNotes';\nout.warnings.push(NOTES_LEFT_OUT);",
      ),
    ).toHaveLength(1);
    expect(
      file(
        "export const STAGES_LEFT_OUT =\n  'deal stages are shown by id: the token may not read the pipelines';\nreturn { stages, warning: STAGES_LEFT_OUT };",
      ),
    ).toHaveLength(1);
    expect(
      file("checks.push({ what: 'request limit', ok: true, message: `${used} of ${limit} requests used this hour` });"),
    ).toHaveLength(2);
    expect(file("message:\n  (pass.unchanged ? 'unchanged; ' : head) + summary(counts),\n")).toHaveLength(1);
    expect(file("warnings.push(note('connectWiseCampaignsLeftOut', '/marketing/campaigns'));")).toEqual([]);
    expect(
      file("const NOTES_LEFT_OUT = note('autotaskNotesLeftOut', 'CompanyNotes');\nwarnings.push(NOTES_LEFT_OUT);"),
    ).toEqual([]);
    expect(file("checks.push({ what: 'requestLimit', ok: true, note: note('autotaskUsage', used, limit) });")).toEqual(
      [],
    );
    expect(file('message: summaryCodeText(summary),\n')).toEqual([]);
    expect(file("this.out.warnings.push(msg('footer', String(line)));")).toEqual([]);
  });
});
