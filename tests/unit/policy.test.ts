import { describe, expect, it } from 'vitest';
import { readPolicy } from '@/core/policy';
import { policyContext } from '@/services/policy';

const read = (raw: unknown) => readPolicy(raw, policyContext);

describe('reading a managed policy', () => {
  it('reads every field an administrator may set', () => {
    const { policy, problems } = read({
      helpdeskSites: [
        { address: 'support.msp.example/tickets', product: 'halopsa' },
        { address: 'https://rt.msp.example' },
      ],
      dataSources: [
        {
          id: 'feed',
          kind: 'feed',
          name: 'Team feed',
          settings: { feedUrl: 'https://files.msp.example/feed.json', feedHeader: 'Bearer abc' },
        },
        { id: 'crm', kind: 'hubspot', settings: { token: 'pat-na1-x' } },
      ],
      syncIntervalMinutes: 60,
      display: { hideDealValues: true, show: { notes: false } },
      ticketCounting: true,
      salesContact: 'sales@msp.example',
      technician: { name: 'Sam Tech', email: 'sam@msp.example' },
    });
    expect(problems).toEqual([]);
    expect(policy.sites).toEqual([
      { origin: 'https://support.msp.example', adapterId: 'halopsa' },
      { origin: 'https://rt.msp.example', adapterId: 'detect' },
    ]);
    expect(policy.sources?.[0]).toEqual({
      id: 'policy-feed',
      kind: 'feed',
      label: 'Team feed',
      base: 'https://files.msp.example',
      settings: { feedUrl: 'https://files.msp.example/feed.json' },
      secrets: { feedHeader: 'Bearer abc' },
    });
    // Defaults fill what the policy leaves out (HubSpot's API address).
    expect(policy.sources?.[1]).toMatchObject({ id: 'policy-crm', label: 'crm', base: 'https://api.hubapi.com' });
    expect(policy).toMatchObject({
      syncIntervalMinutes: 60,
      display: { hideDealValues: true, show: { notes: false } },
      ticketCounting: true,
      salesContact: 'sales@msp.example',
      technician: { name: 'Sam Tech', email: 'sam@msp.example' },
    });
  });

  it('leaves out a malformed field whole, with a note, and applies the rest', () => {
    const { policy, problems } = read({
      helpdeskSites: [{ address: 'https://ok.msp.example' }, { address: 'ftp://bad.example' }],
      dataSources: [{ id: 'crm', kind: 'dynamics', settings: {} }],
      syncIntervalMinutes: 2,
      display: { theme: 'pink' },
      ticketCounting: 'yes',
      technician: { name: 'Sam', email: 'not-an-email' },
      salesContact: 'sales@msp.example',
      colour: 'blue',
    });
    expect(policy).toEqual({ salesContact: 'sales@msp.example' });
    expect(problems).toEqual([
      { field: 'colour', code: 'notSetting', message: 'is not a Backstory setting' },
      {
        field: 'helpdeskSites',
        code: 'notSiteAddress',
        args: ['scheme'],
        entry: { list: 'site', n: 2 },
        key: 'address',
        message: `site 2's "address" is not a help-desk address (scheme)`,
      },
      {
        field: 'dataSources',
        code: 'unknownKind',
        args: ['"dynamics"'],
        entry: { list: 'source', n: 1, id: 'crm' },
        message: 'data source 1 ("crm"): the kind "dynamics" is unknown',
      },
      {
        field: 'syncIntervalMinutes',
        code: 'badInterval',
        message: 'must be a whole number of minutes from 5 to 1440',
      },
      { field: 'display', code: 'badTheme', key: 'theme', message: '"theme" must be "auto", "light" or "dark"' },
      { field: 'ticketCounting', code: 'notBoolean', message: 'must be true or false' },
      { field: 'technician', code: 'notEmail', key: 'email', message: '"email" is not an email address' },
    ]);
  });

  it('names a missing credential or an unknown setting without showing any value', () => {
    const { problems } = read({
      dataSources: [
        { id: 'cw', kind: 'connectwise', settings: { site: 'https://api-na.myconnectwise.net', secret: 'hunter2' } },
      ],
    });
    expect(problems).toEqual([
      {
        field: 'dataSources',
        code: 'unknownSourceSettings',
        args: ['"secret"'],
        entry: { list: 'source', n: 1, id: 'cw' },
        message: 'data source 1 ("cw"): unknown setting(s) "secret"',
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain('hunter2');
    const missing = read({
      dataSources: [
        { id: 'cw', kind: 'connectwise', settings: { companyId: 'msp', clientId: 'c1', privateKey: 'hunter2' } },
      ],
    }).problems;
    expect(missing).toEqual([
      {
        field: 'dataSources',
        code: 'missingSetting',
        args: ['"publicKey"'],
        entry: { list: 'source', n: 1, id: 'cw' },
        message: 'data source 1 ("cw"): the setting "publicKey" is missing',
      },
    ]);
  });

  it('reads nothing from no policy', () => {
    expect(read({})).toEqual({ policy: {}, problems: [] });
    expect(read(undefined)).toEqual({ policy: {}, problems: [] });
  });
});

describe('kinds of data source', () => {
  it('are names the browser takes in a message key (sources.about.<kind>: letters, digits, "_")', async () => {
    const { LIVE_SOURCES } = await import('@/sources/live-sources');
    for (const s of LIVE_SOURCES) expect(s.kind).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('are all described for administrators in the schema the build ships: each kind and its settings', async () => {
    const { readFileSync } = await import('node:fs');
    const { LIVE_SOURCES } = await import('@/sources/live-sources');
    const { managedSchema } = await import('../../scripts/managed-schema');
    const base = readFileSync('public/schema.json', 'utf8');
    const shipped = JSON.parse(managedSchema(base)) as { properties: { dataSources: { description: string } } };
    const described = shipped.properties.dataSources.description;
    for (const s of LIVE_SOURCES) {
      const part = described.split(/[:.] |; /).indexOf(s.kind);
      expect(part, s.kind).toBeGreaterThan(0);
      // A sign-in's keys are named too: a policy has to give them.
      for (const f of s.fields) expect(described, `${s.kind}.${f.key}`).toMatch(new RegExp(`\\b${f.key}\\b`));
    }
    // Only that description is added: what the browser validates is public/schema.json's.
    const kept = JSON.parse(base) as typeof shipped;
    expect(described.startsWith(kept.properties.dataSources.description)).toBe(true);
    kept.properties.dataSources.description = described;
    expect(shipped).toEqual(kept);
  });

  it('reach the built extension: the build writes that schema as its schema.json', async () => {
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const { default: config } = await import('../../wxt.config');
    const { managedSchema } = await import('../../scripts/managed-schema');
    const files: Record<string, string>[] = [
      { relativeDest: 'other.txt', contents: 'kept' },
      { relativeDest: 'schema.json', absoluteSrc: resolve('public/schema.json') },
    ];
    const hooks = config.hooks as Record<string, (wxt: unknown, files: unknown) => Promise<void>>;
    await hooks['build:publicAssets']!({ config: { root: process.cwd() } }, files);
    expect(files).toEqual([
      { relativeDest: 'other.txt', contents: 'kept' },
      { relativeDest: 'schema.json', contents: managedSchema(readFileSync('public/schema.json', 'utf8')) },
    ]);
  });

  it('say which settings a policy may leave out, and which come only from a sign-in', async () => {
    const { sourceSettings } = await import('../../scripts/managed-schema');
    const { liveSource } = await import('@/sources/live-sources');
    const text = sourceSettings([liveSource('hubspot')!, liveSource('salesforce')!, liveSource('feed')!]);
    expect(text).toBe(
      'The kinds and their settings (optional ones in brackets): feed: feedUrl [feedHeader]; ' +
        'hubspot: token [base]; salesforce: consumerKey, refreshToken (from a sign-in) [loginHost].',
    );
  });
});
