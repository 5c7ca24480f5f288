/**
 * The HaloPSA facts Backstory's client (sources/halopsa.ts) relies on, as the vendor describes
 * them, and checks against them: the mock refuses a request that breaks them, and
 * tests/unit/halopsa-contract.test.ts runs every answer the mock gives through the table.
 *
 * Where each fact comes from (SOURCES below):
 *  - swagger: Halo's own OpenAPI 3.0.1 description "Halo API v2" ("The HaloITSM, HaloPSA and
 *    HaloServiceDesk REST API", servers: /api), as copied into
 *    github.com/covenanttechnologysolutions/halopsa-rest generator/spec/swagger.json at commit
 *    0f2fc623952d577b02c26ab622f85d5e1935de17: paths, query parameters and their descriptions,
 *    request bodies (arrays of the model) and the models' field types.
 *  - djpsa: github.com/topleft-team/django-psa djpsa/halo/sync.py at e31f0a6: the key of each
 *    list answer (clients, users, tickets; agents as a bare list), since the description gives GET
 *    answers no schema.
 *  - n8n: github.com/redanthrax/halopsa-node nodes/HaloPSA/actions/actions/getAll/execute.ts at
 *    22d6873: /Actions answers { actions: [...] }.
 *  - oauth: RFC 6749 (client credentials §4.4, form-encoded token request §4.4.2, token answer
 *    §5.1, error answer { error } §5.2); Halo's /auth/token with ?tenant= for hosted instances and
 *    scope "all" as public clients send them (e.g. the scripts found by searching GitHub for
 *    "/auth/token?tenant=").
 * Not found in any of them, so neither relied on nor imitated beyond what is said here: the
 * answer shape of GET /CRMNote (the client accepts a bare list or { notes }; the mock answers a bare
 * list), Halo's request rate limit (the client honours 429 and Retry-After), a campaign field on
 * opportunities, and recurring (monthly) opportunity values.
 */
import { modelProblems } from './field-types';

export const SOURCES = {
  swagger: 'covenanttechnologysolutions/halopsa-rest@0f2fc62 generator/spec/swagger.json',
  djpsa: 'topleft-team/django-psa@e31f0a6 djpsa/halo/sync.py',
  n8n: 'redanthrax/halopsa-node@22d6873 nodes/HaloPSA/actions/actions/getAll/execute.ts',
  oauth: 'RFC 6749 §4.4, §5.1, §5.2',
} as const;
export type Source = keyof typeof SOURCES;

export type HaloType = 'integer' | 'number' | 'string' | 'boolean' | 'datetime' | 'array' | 'any';

export interface FieldFact {
  model: string;
  field: string;
  type: HaloType;
  nullable: boolean;
  source: Source;
}

const fields = (model: string, rows: [string, HaloType, boolean?][]): FieldFact[] =>
  rows.map(([field, type, nullable = true]) => ({ model, field, type, nullable, source: 'swagger' }));

/** The model fields read or written (Area is Halo's client, Faults its ticket/opportunity, Uname its agent). */
export const HALO_FIELDS: FieldFact[] = [
  ...fields('Area', [
    ['id', 'integer', false],
    ['name', 'string'],
    ['website', 'string'],
    ['accountmanagertech', 'integer'],
    ['accountmanagertech_name', 'string'],
    ['toplevel_name', 'string'],
    ['datecreated', 'datetime'],
    ['inactive', 'boolean'],
    ['customfields', 'array'],
  ]),
  ...fields('CustomField', [
    ['id', 'integer', false],
    ['name', 'string'],
    ['label', 'string'],
    ['value', 'any'],
    ['display', 'string'],
  ]),
  ...fields('Users', [
    ['id', 'integer', false],
    ['name', 'string'],
    ['firstname', 'string'],
    ['surname', 'string'],
    ['emailaddress', 'string'],
    ['client_id', 'integer'],
    ['inactive', 'boolean'],
    ['isimportantcontact', 'boolean'],
    ['title', 'string'],
  ]),
  ...fields('Faults', [
    ['id', 'integer', false],
    ['summary', 'string'],
    ['details', 'string'],
    ['client_id', 'integer'],
    ['agent_id', 'integer'],
    ['agent_name', 'string'],
    ['status_name', 'string'],
    ['oppvalue', 'number'],
    ['opphear', 'string'],
    ['oppconverteddate', 'datetime'],
    ['dateclosed', 'datetime'],
    ['targetdate', 'datetime'],
    ['oppproductchosen', 'string'],
    ['deleted', 'boolean'],
    ['last_update', 'datetime'],
  ]),
  ...fields('AreaNote', [
    ['id', 'integer', false],
    ['client_id', 'integer'],
    ['note', 'string'],
    ['detail', 'string'],
    ['datetime', 'datetime'],
    ['who_agentid', 'integer'],
  ]),
  ...fields('Actions', [
    ['id', 'integer', false],
    ['ticket_id', 'integer'],
    ['note', 'string'],
    ['outcome', 'string'],
    ['datetime', 'datetime'],
    ['actiondatecreated', 'datetime'],
    ['important', 'boolean'],
    ['who_agentid', 'integer'],
  ]),
  ...fields('Uname', [
    ['id', 'integer', false],
    ['name', 'string'],
  ]),
];

/** Nested models: the array a field holds. */
export const HALO_ITEMS: Record<string, string> = { 'Area.customfields': 'CustomField' };

export type ParamType = 'bool' | 'int' | 'string' | 'date';

export interface EndpointFact {
  method: 'GET' | 'POST';
  /** Under /api; {id} is a whole number. */
  path: string;
  model: string;
  /** GET lists: the key of the records in the answer (undefined: a bare list; 'one': a single record). */
  listKey?: string | 'one';
  listSource?: Source;
  /** The query parameters the client sends here, as the description types them. */
  params: Record<string, ParamType>;
  /** Largest page_size the description allows, where it says. */
  maxPageSize?: number;
  source: Source;
}

const paging = { pageinate: 'bool', page_size: 'int', page_no: 'int' } as const;

export const HALO_ENDPOINTS: EndpointFact[] = [
  {
    method: 'GET',
    path: '/Client',
    model: 'Area',
    listKey: 'clients',
    listSource: 'djpsa',
    params: { ...paging, includeactive: 'bool' },
    source: 'swagger',
  },
  { method: 'GET', path: '/Client/{id}', model: 'Area', listKey: 'one', params: {}, source: 'swagger' },
  {
    method: 'GET',
    path: '/Users',
    model: 'Users',
    listKey: 'users',
    listSource: 'djpsa',
    params: { ...paging },
    source: 'swagger',
  },
  {
    method: 'GET',
    path: '/Opportunities',
    model: 'Faults',
    listKey: 'tickets',
    listSource: 'djpsa',
    // "page_size (int) When using Pagination, the size of the page. Maximum size: 100"
    params: { ...paging, lastupdatefromdate: 'date', client_id: 'int', search_details: 'string' },
    maxPageSize: 100,
    source: 'swagger',
  },
  { method: 'POST', path: '/Opportunities', model: 'Faults', params: {}, source: 'swagger' },
  {
    method: 'GET',
    path: '/Actions',
    model: 'Actions',
    listKey: 'actions',
    listSource: 'n8n',
    params: { ticket_id: 'int', excludesys: 'bool' },
    source: 'swagger',
  },
  // No paging parameters: "client_id, count, supplier_id, toplevel_id" only.
  { method: 'GET', path: '/CRMNote', model: 'AreaNote', params: { client_id: 'int', count: 'int' }, source: 'swagger' },
  { method: 'POST', path: '/CRMNote', model: 'AreaNote', params: {}, source: 'swagger' },
  { method: 'GET', path: '/Agent', model: 'Uname', listSource: 'djpsa', params: {}, source: 'swagger' },
];

/** The token request (form-encoded) and its answers. */
export const HALO_TOKEN = {
  path: '/auth/token',
  contentType: 'application/x-www-form-urlencoded',
  grantType: 'client_credentials',
  required: ['grant_type', 'client_id', 'client_secret'],
  answer: ['access_token', 'token_type', 'expires_in'],
  /** A wrong client or secret: 400 or 401 with { error: "invalid_client" }. */
  refusal: 'invalid_client',
  source: 'oauth' as Source,
};

export function endpoint(method: string, path: string): EndpointFact | undefined {
  return HALO_ENDPOINTS.find(
    (e) => e.method === method && new RegExp(`^${e.path.replace('{id}', '\\d+')}$`, 'i').test(path),
  );
}

const isDate = (v: string) => !Number.isNaN(Date.parse(v));

/** What is wrong with a request's query, by the table (any parameter the client has no fact for is refused). */
export function queryProblems(e: EndpointFact, query: URLSearchParams): string[] {
  const problems: string[] = [];
  for (const [name, value] of query) {
    const type = Object.entries(e.params).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    if (!type) problems.push(`${name} is not a parameter Backstory's contract knows for ${e.method} ${e.path}`);
    else if (type === 'bool' && !/^(true|false)$/i.test(value)) problems.push(`${name} should be true or false`);
    else if (type === 'int' && !/^\d+$/.test(value)) problems.push(`${name} should be a whole number`);
    else if (type === 'date' && !isDate(value)) problems.push(`${name} should be a date`);
  }
  const size = query.get('page_size');
  if (e.maxPageSize && size && Number(size) > e.maxPageSize)
    problems.push(`page_size ${size} is over the maximum of ${e.maxPageSize}`);
  if (query.has('page_no') && query.get('pageinate') !== 'true') problems.push('page_no without pageinate=true');
  return problems;
}

/** What is wrong with a record of a model (fields of the table with the wrong type; nested ones too). */
export function recordProblems(model: string, value: unknown): string[] {
  return modelProblems(HALO_FIELDS, model, value, { items: HALO_ITEMS });
}

/** A POST body's problems: the description takes an array of the model, each checked by the table. */
export function bodyProblems(model: string, body: unknown): string[] {
  if (!Array.isArray(body) || !body.length) return [`the body should be a non-empty array of ${model}`];
  return body.flatMap((item) => recordProblems(model, item));
}
