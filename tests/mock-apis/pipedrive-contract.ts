/**
 * The Pipedrive API facts Backstory's client (sources/pipedrive.ts) relies on, with where each
 * comes from, and checks against them: the mock (pipedrive-server.ts) refuses requests that break
 * the request facts, with Pipedrive's error shape, and tests/unit/pipedrive-contract.test.ts runs
 * every answer the mock gives through the model facts.
 *
 * Sources: the official Node client `pipedrive` generated from Pipedrive's published OpenAPI
 * descriptions, github.com/pipedrive/client-nodejs at commit 97e5382 (file named per fact, under
 * src/versions/); Pipedrive's developer docs on pagination
 * (pipedrive.readme.io/docs/core-api-concepts-pagination) and rate limiting
 * (pipedrive.readme.io/docs/core-api-concepts-rate-limiting). Only what the client reads or
 * writes is listed; answers carry more fields, which are not checked.
 */
import { modelProblems } from './field-types';

export interface PdRequestFact {
  fact: string;
  source: string;
}

/** What a request must be like. The mock enforces each of these. */
export const PD_REQUEST_FACTS = {
  apiToken: {
    fact: 'The API token goes in the x-api-token header (or the api_token query parameter); without a valid one the answer is 401 { success: false, error }',
    source: 'v2/api/*-api.ts (setApiKeyToObject(..., "x-api-token")); v1/models/fail-response.ts',
  },
  v2Paths: {
    fact: 'API v2 lives under /api/v2 (GET /organizations, /persons, /deals); v1 under /api/v1 (GET /users, /users/me, /dealFields, /notes; POST /notes), on the company domain',
    source:
      'v2/base.ts, v1/base.ts (BASE_PATH); docs core-api-concepts-pagination (https://{COMPANYDOMAIN}.pipedrive.com/api/v1/...)',
  },
  v2Limit: {
    fact: 'v2 lists take limit (default 100, at most 500) and cursor (opaque); additional_data.next_cursor is the next page, null at the end',
    source:
      'v2/api/organizations-api.ts getOrganizations @param limit, cursor; v2/models/get-activities-response-all-of-additional-data.ts',
  },
  v2UpdatedSince: {
    fact: 'v2 lists take updated_since (RFC 3339, e.g. 2025-01-01T10:20:00Z): only records with update_time later than or equal to it',
    source: 'v2/api/{organizations,persons,deals}-api.ts @param updated_since',
  },
  v2SortBy: {
    fact: "v2 lists' sort_by is one of id, update_time, add_time; sort_direction asc or desc",
    source: 'v2/api/{organizations,persons,deals}-api.ts @param sort_by, sort_direction',
  },
  v1Paging: {
    fact: 'v1 lists page by start and limit; additional_data.pagination has more_items_in_collection and next_start',
    source: 'v1/api/notes-api.ts getNotes @param start, limit; v1/models/additional-data.ts',
  },
  notesQuery: {
    fact: 'GET /v1/notes filters by org_id, deal_id, updated_since (RFC 3339) and pinned_to_organization_flag (0 or 1); sort is "field ASC|DESC" over id, user_id, deal_id, person_id, org_id, content, add_time, update_time',
    source: 'v1/api/notes-api.ts getNotes',
  },
  addNote: {
    fact: 'POST /v1/notes needs content (HTML) and one of lead_id, deal_id, person_id, org_id, project_id; pinned_to_organization_flag is 0 or 1',
    source: 'v1/models/add-note-request-all-of.ts, add-note-request-all-of1.ts',
  },
  rateLimit: {
    fact: 'Requests spend tokens of a daily budget, with burst limits per 2-second window; answers carry x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset; over the limit is 429 with Retry-After',
    source: 'docs core-api-concepts-rate-limiting',
  },
} satisfies Record<string, PdRequestFact>;

export type PdType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime' | 'array' | 'object';

export interface PdFact {
  model: string;
  field: string;
  type: PdType;
  nullable?: boolean;
  /** Always present in an answer (the API sets it). */
  always?: boolean;
  source: string;
}

const f = (model: string, source: string, rows: [string, PdType, ('nullable' | 'always')?][]): PdFact[] =>
  rows.map(([field, type, flag]) => ({
    model,
    field,
    type,
    ...(flag === 'nullable' ? { nullable: true } : {}),
    ...(flag === 'always' ? { always: true } : {}),
    source,
  }));

/** Fields of the models the client reads, by the generated models (type and nullability). */
export const PD_CONTRACT: PdFact[] = [
  ...f('Organization', 'v2/models/organization-item.ts', [
    ['id', 'integer', 'always'],
    ['name', 'string'],
    ['owner_id', 'integer'],
    ['update_time', 'datetime'],
    ['is_deleted', 'boolean'],
    ['custom_fields', 'object'],
  ]),
  // GET /persons is typed with OrganizationItem in the generated client; a person's own fields
  // are those of v2/models/add-person-request.ts (the same object the API answers).
  ...f('Person', 'v2/models/add-person-request.ts', [
    ['id', 'integer', 'always'],
    ['name', 'string'],
    ['org_id', 'integer', 'nullable'],
    ['emails', 'array'],
    ['update_time', 'datetime'],
  ]),
  ...f('PersonEmail', 'v2/models/add-person-request-emails-inner.ts', [
    ['value', 'string'],
    ['primary', 'boolean'],
    ['label', 'string'],
  ]),
  ...f('Deal', 'v2/models/deal.ts', [
    ['id', 'integer', 'always'],
    ['title', 'string'],
    ['owner_id', 'integer'],
    ['org_id', 'integer', 'nullable'],
    ['value', 'number'],
    ['currency', 'string'],
    ['status', 'string'],
    ['won_time', 'datetime', 'nullable'],
    ['close_time', 'datetime', 'nullable'],
    ['lost_time', 'datetime', 'nullable'],
    ['update_time', 'datetime'],
    ['is_deleted', 'boolean'],
    ['origin', 'string'],
    ['channel', 'integer', 'nullable'],
    ['mrr', 'number', 'nullable'],
    ['custom_fields', 'object'],
  ]),
  ...f('Note', 'v1/models/note.ts', [
    ['id', 'integer', 'always'],
    ['content', 'string'],
    ['org_id', 'integer', 'nullable'],
    ['deal_id', 'integer', 'nullable'],
    ['add_time', 'string'],
    ['update_time', 'string'],
    ['active_flag', 'boolean'],
    ['pinned_to_organization_flag', 'boolean'],
    ['pinned_to_deal_flag', 'boolean'],
    ['user', 'object'],
  ]),
  ...f('User', 'v1/models/base-user.ts', [
    ['id', 'integer', 'always'],
    ['name', 'string'],
    ['email', 'string'],
  ]),
  ...f('Field', 'v1/models/field.ts', [
    ['id', 'integer', 'nullable'],
    ['key', 'string'],
    ['name', 'string'],
    ['field_type', 'string'],
    ['edit_flag', 'boolean'],
    ['options', 'array', 'nullable'],
  ]),
  ...f('FailResponse', 'v1/models/fail-response.ts', [
    ['success', 'boolean', 'always'],
    ['error', 'string', 'always'],
  ]),
];

/** RFC 3339 date-time (what updated_since takes). */
export const isRfc3339 = (v: string): boolean =>
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v));

const isDate = (v: unknown) =>
  typeof v === 'string' &&
  !Number.isNaN(Date.parse(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(v) ? `${v.replace(' ', 'T')}Z` : v));

const ITEMS: Record<string, string> = { 'Person.emails': 'PersonEmail' };

/** What is wrong with an answer of a model, by the table. */
export function answerProblems(model: string, value: unknown): string[] {
  return modelProblems(PD_CONTRACT, model, value, { required: (fact) => !!fact.always, items: ITEMS, isDate });
}
