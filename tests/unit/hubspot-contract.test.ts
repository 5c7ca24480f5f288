// @vitest-environment node
// Every request Backstory's HubSpot client makes, and every answer the mock gives, run through
// HubSpot's own generated models (tests/mock-apis/hubspot-models.ts, from @hubspot/api-client):
// required fields present, types right, unknown fields reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverHubSpotFlag, hubspotPages, readHubSpot, testHubSpot, type HubSpotOptions } from '@/sources/hubspot';
import { RateLimiter } from '@/sources/http';
import type { Flag } from '@/core/flags';
import { sampleHubSpotData, startMockHubSpot, type MockHubSpot } from '../mock-apis/hubspot-server';
import { check, requiredFields, type CheckOptions } from '../mock-apis/hubspot-models';

let mock: MockHubSpot;
beforeAll(async () => {
  mock = await startMockHubSpot();
  mock.record = true;
});
afterAll(async () => mock.close());

const OBJECT_FOLDERS: Record<string, string> = {
  companies: 'crm/companies',
  contacts: 'crm/contacts',
  deals: 'crm/deals',
  notes: 'crm/objects/notes',
};

interface Route {
  folder: string;
  request?: string;
  /** The answer's model by status (2xx); errors are the folder's ModelError. */
  answer: string;
  answer207?: string;
}

/** Which of HubSpot's models a request and its answer are, by method and path. */
function route(method: string, path: string): Route | undefined {
  const p = path.split('?')[0]!;
  let m: RegExpExecArray | null;
  if (method === 'GET' && /^\/crm\/v3\/owners\/?$/.test(p))
    return { folder: 'crm/owners', answer: 'CollectionResponsePublicOwnerForwardPaging' };
  if (method === 'GET' && p === '/crm/v3/pipelines/deals')
    return { folder: 'crm/pipelines', answer: 'CollectionResponsePipelineNoPaging' };
  if (method === 'GET' && (m = /^\/crm\/v3\/objects\/(\w+)$/.exec(p)))
    return {
      folder: OBJECT_FOLDERS[m[1]!]!,
      answer: 'CollectionResponseSimplePublicObjectWithAssociationsForwardPaging',
    };
  if (method === 'POST' && (m = /^\/crm\/v3\/objects\/(\w+)\/search$/.exec(p)))
    return {
      folder: OBJECT_FOLDERS[m[1]!]!,
      request: 'PublicObjectSearchRequest',
      answer: 'CollectionResponseWithTotalSimplePublicObjectForwardPaging',
    };
  if (method === 'POST' && /^\/crm\/v4\/associations\/\w+\/\w+\/batch\/read$/.test(p))
    return {
      folder: 'crm/associations/v4',
      request: 'BatchInputPublicFetchAssociationsBatchRequest',
      answer: 'BatchResponsePublicAssociationMultiWithLabel',
      answer207: 'BatchResponsePublicAssociationMultiWithLabelWithErrors',
    };
  if (method === 'GET' && /^\/crm\/v4\/objects\/\w+\/[^/]+\/associations\/\w+$/.test(p))
    return { folder: 'crm/associations/v4', answer: 'CollectionResponseMultiAssociatedObjectWithLabelForwardPaging' };
  if (method === 'GET' && /^\/crm\/v3\/objects\/notes\/\d+$/.test(p))
    return { folder: 'crm/objects/notes', answer: 'SimplePublicObjectWithAssociations' };
  if (method === 'POST' && p === '/crm/v3/objects/notes/batch/read')
    return {
      folder: 'crm/objects/notes',
      request: 'BatchReadInputSimplePublicObjectId',
      answer: 'BatchResponseSimplePublicObject',
      answer207: 'BatchResponseSimplePublicObjectWithErrors',
    };
  if (method === 'POST' && p === '/crm/v3/objects/notes')
    return { folder: 'crm/objects/notes', request: 'SimplePublicObjectInputForCreate', answer: 'SimplePublicObject' };
  return undefined;
}

/**
 * Where HubSpot's descriptions disagree with each other, the reason for each (sources/hubspot-facts.md):
 *  - PublicObjectSearchRequest.sorts is Array<string> in the generated model, while HubSpot's search
 *    guide sends [{ propertyName, direction }]; the client follows the guide.
 *  - Error answers carry "status": "error" beside the Error model's fields (HubSpot's error
 *    handling guide shows it in every example); a 429's body is as the usage guidelines show it.
 */
const DISAGREEMENTS: CheckOptions = {
  skip: new Set(['PublicObjectSearchRequest.sorts']),
  extra: { ModelError: ['status'] },
};
/**
 * HubSpot's API usage guidelines show a 429's body as { status, message, errorType: "RATE_LIMIT",
 * correlationId, policyName }, without the Error model's `category`: checked as the guide has it.
 */
function rateLimitProblems(answer: unknown, where: string): string[] {
  const a = (answer ?? {}) as Record<string, unknown>;
  const keys = ['status', 'message', 'errorType', 'correlationId', 'policyName'];
  return [
    ...keys.filter((k) => typeof a[k] !== 'string').map((k) => `${where} lacks ${k}`),
    ...Object.keys(a)
      .filter((k) => !keys.includes(k))
      .map((k) => `${where} has the unknown field ${k}`),
  ];
}
/** Paths no model of @hubspot/api-client 13 covers: the Marketing Campaigns API v3 is not in it. */
const NOT_IN_THE_CLIENT = /^\/marketing\/v3\/campaigns/;

describe("HubSpot's generated models", () => {
  it('are read from the package, with their required fields', () => {
    expect([...requiredFields('crm/owners', 'PublicOwner')].sort()).toEqual(
      ['archived', 'createdAt', 'id', 'type', 'updatedAt'].sort(),
    );
    expect(requiredFields('crm/associations/v4', 'BatchResponsePublicAssociationMultiWithLabel')).toEqual(
      new Set(['completedAt', 'startedAt', 'results', 'status']),
    );
    expect(
      check('crm/associations/v4', 'MultiAssociatedObjectWithLabel', { toObjectId: 5001, associationTypes: [] }),
    ).toEqual(['$.toObjectId should be a string, is 5001']);
    expect(check('crm/owners', 'PublicOwner', { id: '1', email: 'a@b', firstName: 'A', lastName: 'B' })).toEqual([
      '$ (PublicOwner) lacks the required createdAt',
      '$ (PublicOwner) lacks the required archived',
      '$ (PublicOwner) lacks the required type',
      '$ (PublicOwner) lacks the required updatedAt',
    ]);
  });
});

describe('the HubSpot contract', () => {
  // Some 60 requests over HTTP, 4 a second where HubSpot's search limit applies: longer than the default 5 s.
  it('every request and every answer of a full read, an incremental read, a test and flags matches the models', async () => {
    mock.data = sampleHubSpotData();
    mock.data.campaigns = [{ id: 'edb9b6c3-d2e2-4ca8-8396-832262aed0d4', properties: { hs_name: 'Spring' } }];
    mock.data.owners.push({ id: '66', email: 'gone@x.example', firstName: 'Gone', lastName: 'Away', archived: true });
    mock.associationPage = 1;
    mock.searchLag = true;
    mock.exchanges.length = 0;
    const opts: HubSpotOptions = {
      token: mock.token,
      base: mock.url,
      sleep: async () => undefined,
      limiter: new RateLimiter(10_000, 1000),
    };
    await readHubSpot(opts);
    mock.data.notes[0]!.associations = { companies: ['5001', '5002'], deals: ['9001', '9002'] };
    for await (const page of hubspotPages(opts, { step: 0 }, '2026-01-01T00:00:00.000Z')) void page;
    await testHubSpot(opts);
    const flag: Flag = {
      id: 'flag-0d9f3c1e-3b7a-4c55-9d1e-7a2b6c4d8e90',
      createdAt: '2026-12-01T10:00:00.000Z',
      kind: 'upsell',
      note: 'Wants backups for the second site.',
      urgency: 'high',
      ticket: { helpdesk: 'zendesk', ticketId: '1', url: 'https://x.zendesk.com/agent/tickets/1' },
      accountId: 'hubspot-c:5001',
      accountName: 'Unknown Widgets Ltd',
      source: 'hubspot-c',
      status: 'pending',
      attempts: 0,
    };
    const first = await deliverHubSpotFlag(opts, flag, '5001');
    await deliverHubSpotFlag({ ...opts, remoteId: first.remoteId }, flag, '5001');
    await deliverHubSpotFlag({ ...opts, remoteId: '424242' }, flag, '5001');
    // Refusals: a revoked token, a rate limit.
    await readHubSpot({ ...opts, token: 'pat-na1-revoked', retries: 0 }).catch(() => undefined);
    mock.switches = { status: 429, retryAfter: '1', times: 1 };
    await testHubSpot(opts);
    mock.switches = {};

    const problems: string[] = [];
    const seen = new Set<string>();
    for (const x of mock.exchanges) {
      if (NOT_IN_THE_CLIENT.test(x.path)) continue;
      const r = route(x.method, x.path);
      if (!r) {
        problems.push(`${x.method} ${x.path}: no HubSpot model for this request`);
        continue;
      }
      const where = `${x.method} ${x.path.split('?')[0]}`;
      seen.add(x.status >= 400 ? `${x.status}` : where.replace(/\d{3,}/g, '{id}'));
      if (r.request) problems.push(...check(r.folder, r.request, x.body, `${where} request`, DISAGREEMENTS));
      if (x.status === 429) {
        problems.push(...rateLimitProblems(x.answer, `${where} 429`));
        continue;
      }
      const model = x.status >= 400 ? 'ModelError' : x.status === 207 && r.answer207 ? r.answer207 : r.answer;
      problems.push(...check(r.folder, model, x.answer, `${where} ${x.status}`, DISAGREEMENTS));
    }
    expect(problems).toEqual([]);
    // What the run covered: every kind of request the client makes, and refusals.
    expect([...seen].sort()).toEqual(
      [
        '401',
        '404',
        '429',
        'GET /crm/v3/objects/companies',
        'GET /crm/v3/objects/contacts',
        'GET /crm/v3/objects/deals',
        'GET /crm/v3/objects/notes',
        'GET /crm/v3/objects/notes/{id}',
        'GET /crm/v3/owners/',
        'GET /crm/v3/pipelines/deals',
        'GET /crm/v4/objects/companies/{id}/associations/notes',
        'POST /crm/v3/objects/companies/search',
        'POST /crm/v3/objects/contacts/search',
        'POST /crm/v3/objects/deals/search',
        'POST /crm/v3/objects/notes',
        'POST /crm/v3/objects/notes/batch/read',
        'POST /crm/v3/objects/notes/search',
        'POST /crm/v4/associations/contacts/companies/batch/read',
        'POST /crm/v4/associations/deals/companies/batch/read',
        'POST /crm/v4/associations/notes/companies/batch/read',
        'POST /crm/v4/associations/notes/deals/batch/read',
      ].sort(),
    );
  }, 30_000);
});
