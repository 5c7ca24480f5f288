/**
 * A mock HubSpot CRM API v3 on 127.0.0.1 for unit and browser tests.
 *
 * Answers as HubSpot's own descriptions have them: tests/unit/hubspot-contract.test.ts runs every
 * request the client makes and every answer given here through the models generated from
 * HubSpot's OpenAPI documents (@hubspot/api-client), and sources/hubspot-facts.md lists the rest.
 * This file checks each request (auth, switches, scopes) and routes it to its area's answers:
 *  - hubspot-objects.ts: GET /crm/v3/objects/{companies|contacts|deals|notes}, POST .../{type}/search
 *  - hubspot-notes.ts: GET /crm/v3/objects/notes/{id}, POST /crm/v3/objects/notes/batch/read, POST /crm/v3/objects/notes
 *  - hubspot-associations.ts: POST /crm/v4/associations/{from}/{to}/batch/read, GET /crm/v4/objects/{from}/{id}/associations/{to}
 *  - hubspot-owners.ts: GET /crm/v3/owners/
 *  - hubspot-pipelines.ts: GET /crm/v3/pipelines/deals
 *  - hubspot-campaigns.ts: GET /marketing/v3/campaigns
 * Anything else is 404 with HubSpot's error body. A path in `forbidden` is 403 MISSING_SCOPES
 * naming the scope.
 *  - auth: `Authorization: Bearer <private app token>`; anything else is 401 with HubSpot's error body
 * Switches (set on `mock.switches`) imitate what goes wrong: a status for the next N requests (429
 * with Retry-After, 500, 503), slow answers, answers that never come, malformed JSON, a revoked token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serve } from './serve';
import type { HubSpotRequest, MockHubSpot, MockHubSpotData, Switches } from './hubspot-types';
import { sampleHubSpotData } from './hubspot-sample-data';
import { answerObjectList, answerObjectSearch } from './hubspot-objects';
import { answerNotes } from './hubspot-notes';
import { answerAssociations } from './hubspot-associations';
import { answerOwners } from './hubspot-owners';
import { answerPipelines } from './hubspot-pipelines';
import { answerCampaigns } from './hubspot-campaigns';

export type { HsOwner, HsPipeline, HsRecord, HsStage, MockHubSpot, MockHubSpotData, Switches } from './hubspot-types';
export { MODIFIED_PROPERTY } from './hubspot-objects';
export { defaultPipeline } from './hubspot-pipelines';
export { sampleHubSpotData } from './hubspot-sample-data';

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startMockHubSpot(
  options: { token?: string; data?: MockHubSpotData; port?: number } = {},
): Promise<MockHubSpot> {
  let token = options.token ?? 'pat-na1-mock-token';
  /** Notes written while searchLag was on, not yet found by search. */
  const unindexed = new Set<string>();
  const mock = {
    url: '',
    get token() {
      return token;
    },
    data: options.data ?? sampleHubSpotData(),
    switches: {} as Switches,
    requests: [] as MockHubSpot['requests'],
    writes: [] as MockHubSpot['writes'],
    forbidden: new Set<string>(),
    searchCap: 10_000,
    searchLag: false,
    indexNotes() {
      unindexed.clear();
    },
    associationPage: 500,
    record: false,
    exchanges: [] as MockHubSpot['exchanges'],
    setToken(next: string) {
      token = next;
    },
    hold() {
      let release = () => undefined as void;
      gate = new Promise<void>((done) => (release = done));
      return () => {
        gate = undefined;
        release();
      };
    },
    close: async (): Promise<void> => undefined,
  };
  let gate: Promise<void> | undefined;

  let current: MockHubSpot['exchanges'][number] | undefined;
  /** The request being handled is carried out unanswered (switches.lostAnswerTo). */
  let unanswered = false;
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (unanswered) return;
    if (current) {
      current.status = status;
      current.answer = typeof body === 'string' ? body : JSON.parse(JSON.stringify(body));
    }
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const notFound = (res: ServerResponse, message: string) =>
    send(res, 404, { status: 'error', message, correlationId: 'mock', category: 'OBJECT_NOT_FOUND' });
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    current = mock.record
      ? {
          method: req.method ?? 'GET',
          path: url.pathname + url.search,
          ...(body ? { body: safeJson(body) } : {}),
          status: 0,
          answer: undefined,
        }
      : undefined;
    if (current) mock.exchanges.push(current);
    const authorized = req.headers.authorization === `Bearer ${token}`;
    mock.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, authorized });
    const sw = mock.switches;
    unanswered = sw.lostAnswerTo === `${req.method} ${url.pathname}`;
    if (sw.hang && (!sw.onlyPath || url.pathname.startsWith(sw.onlyPath))) return;
    if (sw.status && (!sw.onlyPath || url.pathname.startsWith(sw.onlyPath))) {
      const status = sw.status;
      if (sw.times !== undefined && --sw.times <= 0) mock.switches = {};
      if (status === 429)
        return send(
          res,
          429,
          {
            status: 'error',
            message: 'You have reached your ten_secondly_rolling limit.',
            errorType: 'RATE_LIMIT',
            correlationId: 'mock',
            policyName: 'TEN_SECONDLY_ROLLING',
          },
          sw.retryAfter ? { 'retry-after': sw.retryAfter } : {},
        );
      if (status === 403)
        return send(res, 403, {
          status: 'error',
          message: "This app hasn't been granted all required scopes to make this call.",
          correlationId: 'mock',
          category: 'MISSING_SCOPES',
          errors: [
            {
              message: 'One or more of the following scopes are required.',
              context: { requiredGranularScopes: ['crm.objects.notes.read'] },
            },
          ],
        });
      return send(res, status, {
        status: 'error',
        message: 'internal error',
        correlationId: 'mock',
        category: 'INTERNAL_ERROR',
      });
    }
    if (!authorized)
      return send(res, 401, {
        status: 'error',
        message:
          'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
        correlationId: 'mock',
        category: 'INVALID_AUTHENTICATION',
      });
    if (sw.malformed) return send(res, 200, '<html><body>Service temporarily unavailable</body></html>');
    const scope = url.pathname.startsWith('/marketing/v3/campaigns')
      ? 'marketing.campaigns.read'
      : 'crm.objects.companies.read';
    if ([...mock.forbidden].some((p) => url.pathname.startsWith(p)))
      return send(res, 403, {
        status: 'error',
        message: "This app hasn't been granted all required scopes to make this call.",
        correlationId: 'mock',
        category: 'MISSING_SCOPES',
        errors: [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredGranularScopes: [scope] },
          },
        ],
      });

    const request: HubSpotRequest = {
      req,
      url,
      body,
      mock,
      unindexed,
      send: (status, answer, headers) => {
        send(res, status, answer, headers);
        return true;
      },
      notFound: (message) => {
        notFound(res, message);
        return true;
      },
    };
    // Each route is one method and path, so at most one area answers.
    if (
      answerCampaigns(request) ||
      answerObjectSearch(request) ||
      answerAssociations(request) ||
      answerNotes(request) ||
      answerPipelines(request) ||
      answerOwners(request) ||
      answerObjectList(request)
    )
      return;
    return send(res, 404, {
      status: 'error',
      message: `Unable to infer object type from: ${url.pathname}`,
      correlationId: 'mock',
      category: 'OBJECT_NOT_FOUND',
    });
  };

  const server = await serve(
    handle,
    () => mock.switches.delayMs ?? 0,
    options.port ?? 0,
    () => gate,
  );
  mock.url = server.url;
  mock.close = server.close;
  return mock;
}
