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
      { field: 'colour', message: 'is not a Backstory setting' },
      { field: 'helpdeskSites', message: `site 2's "address" is not a help-desk address (scheme)` },
      { field: 'dataSources', message: 'data source 1 ("crm"): the kind "dynamics" is unknown' },
      { field: 'syncIntervalMinutes', message: 'must be a whole number of minutes from 5 to 1440' },
      { field: 'display', message: '"theme" must be "auto", "light" or "dark"' },
      { field: 'ticketCounting', message: 'must be true or false' },
      { field: 'technician', message: '"email" is not an email address' },
    ]);
  });

  it('names a missing credential or an unknown setting without showing any value', () => {
    const { problems } = read({
      dataSources: [
        { id: 'cw', kind: 'connectwise', settings: { site: 'https://api-na.myconnectwise.net', secret: 'hunter2' } },
      ],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/unknown setting\(s\) "secret"/);
    expect(JSON.stringify(problems)).not.toContain('hunter2');
    const missing = read({
      dataSources: [
        { id: 'cw', kind: 'connectwise', settings: { companyId: 'msp', clientId: 'c1', privateKey: 'hunter2' } },
      ],
    }).problems;
    expect(missing).toEqual([
      { field: 'dataSources', message: 'data source 1 ("cw"): the setting "publicKey" is missing' },
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

  it('are all documented for administrators: docs/deploy.md names each kind and its settings, the schema each kind', async () => {
    const { readFileSync } = await import('node:fs');
    const { LIVE_SOURCES } = await import('@/sources/live-sources');
    const row = readFileSync('docs/deploy.md', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('| `dataSources` | each'))!;
    const schema = JSON.parse(readFileSync('public/schema.json', 'utf8')) as {
      properties: { dataSources: { description: string } };
    };
    for (const s of LIVE_SOURCES) {
      expect(row, s.kind).toContain(`\`${s.kind}\``);
      expect(schema.properties.dataSources.description, s.kind).toMatch(new RegExp(`\\b${s.kind}\\b`));
      // A sign-in's keys are named too: a policy has to give them.
      for (const f of s.fields) expect(row, `${s.kind}.${f.key}`).toContain(`\`${f.key}\``);
    }
  });
});
