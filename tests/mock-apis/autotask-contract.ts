/**
 * The Autotask PSA REST facts Backstory's client (sources/autotask.ts) relies on, as the vendor
 * describes them, and checks against them: the mock refuses a request that breaks them, and
 * tests/unit/autotask.test.ts runs every answer the mock gives through the table.
 *
 * Where each fact comes from (SOURCES below):
 *  - swagger: Autotask's own Swagger 2.0 description "Datto|Autotask PSA Rest API" (host
 *    webservices2.autotask.net, basePath /ATServicesRest), as copied into
 *    github.com/panoramicdata/AutoTask.Psa.Api swagger.v1.json at commit 9537e5e (the copy stops
 *    at the Contracts paths): GET /V1.0/{Entity}/query with a required `search` parameter, POST
 *    /V1.0/{Entity}/query with a QueryModel body, the three required headers ApiIntegrationCode,
 *    UserName and Secret, 401 and 403 answers, the child path /V1.0/Companies/{parentId}/ToDos.
 *  - models: the same repository's models generated from that description (AutoTask.Psa.Api/Data:
 *    CompanyModel, ContactModel, OpportunityModel, CompanyNoteModel, CompanyToDoModel,
 *    ResourceModel, QueryModel, Filter, QueryActionResult + PageDetails, Field + PickListValue,
 *    OperationResultModel { itemId }, ZoneInformationResultModel { zoneName, url, webUrl, ci }) and
 *    its Interfaces (IOpportunities: POST /V1.0/Opportunities, /V1.0/Opportunities/query,
 *    entityInformation/fields; IZoneInformationApiIntegration: GET /V1.0/ZoneInformation?user=).
 *  - soap: github.com/moldypenguins/AutotaskNET at 691c22c, Entities/Opportunity.cs and
 *    Entities/AccountToDo.cs, which mark the fields Autotask requires on create ("//Required"; the
 *    SOAP API's Account is the REST API's Company).
 *  - djautotask: github.com/KerkhoffTechnologies/django-autotask djautotask/api_rest.py at 01d9d37:
 *    zoneInformation at {server}v1.0/zoneInformation?user=, "AT returns 500 if username is blank or
 *    incorrect", error bodies { message, errors: ["..."] } (strings), nextPageUrl fetched as is.
 *  - apigrate: github.com/apigrate/autotask-restapi index.js at 0da7a29: the filter operators, the
 *    entity list (ThresholdInformation; no campaign entity).
 *  - docs: Autotask's REST API documentation as summarised in /work/shared/reference: MaxRecords at
 *    most 500, 10,000 requests an hour per database.
 */
import { hasType, isParsableDate as isDate } from './field-types';

export const SOURCES = {
  swagger: 'panoramicdata/AutoTask.Psa.Api@9537e5e swagger.v1.json',
  models: 'panoramicdata/AutoTask.Psa.Api@9537e5e AutoTask.Psa.Api/Data, Interfaces',
  soap: 'moldypenguins/AutotaskNET@691c22c Entities/Opportunity.cs, Entities/AccountToDo.cs',
  djautotask: 'KerkhoffTechnologies/django-autotask@01d9d37 djautotask/api_rest.py',
  apigrate: 'apigrate/autotask-restapi@0da7a29 index.js',
  docs: 'Autotask REST API documentation (limits), via the shared reference',
} as const;
export type Source = keyof typeof SOURCES;

export type AtType = 'integer' | 'number' | 'string' | 'boolean' | 'datetime' | 'array' | 'object';

export interface FieldFact {
  entity: string;
  field: string;
  type: AtType;
  requiredOnCreate?: boolean;
  source: Source;
}

const f = (entity: string, rows: [string, AtType, 'create'?][]): FieldFact[] =>
  rows.map(([field, type, required]) => ({
    entity,
    field,
    type,
    ...(required ? { requiredOnCreate: true } : {}),
    source: required ? 'soap' : 'models',
  }));

export const AT_FIELDS: FieldFact[] = [
  ...f('Companies', [
    ['id', 'integer'],
    ['companyName', 'string'],
    ['companyNumber', 'string'],
    ['webAddress', 'string'],
    ['ownerResourceID', 'integer'],
    ['marketSegmentID', 'integer'],
    ['isActive', 'boolean'],
    ['createDate', 'datetime'],
    ['lastTrackedModifiedDateTime', 'datetime'],
    ['userDefinedFields', 'array'],
  ]),
  ...f('Contacts', [
    ['id', 'integer'],
    ['companyID', 'integer'],
    ['firstName', 'string'],
    ['lastName', 'string'],
    ['emailAddress', 'string'],
    ['title', 'string'],
    // An integer (1 or 0) on contacts, unlike companies' boolean.
    ['isActive', 'integer'],
    ['primaryContact', 'boolean'],
    ['lastModifiedDate', 'datetime'],
  ]),
  ...f('Opportunities', [
    ['id', 'integer'],
    ['companyID', 'integer', 'create'],
    ['title', 'string', 'create'],
    ['description', 'string'],
    ['amount', 'number', 'create'],
    ['cost', 'number', 'create'],
    ['createDate', 'datetime', 'create'],
    ['ownerResourceID', 'integer', 'create'],
    ['projectedCloseDate', 'datetime', 'create'],
    ['stage', 'integer', 'create'],
    ['status', 'integer', 'create'],
    ['probability', 'integer', 'create'],
    ['useQuoteTotals', 'boolean', 'create'],
    ['monthlyRevenue', 'number'],
    ['onetimeRevenue', 'number'],
    ['leadSource', 'integer'],
    ['closedDate', 'datetime'],
    ['lastActivity', 'datetime'],
  ]),
  ...f('CompanyNotes', [
    ['id', 'integer'],
    ['companyID', 'integer'],
    ['opportunityID', 'integer'],
    ['name', 'string'],
    ['note', 'string'],
    ['actionType', 'integer'],
    ['assignedResourceID', 'integer'],
    ['createDateTime', 'datetime'],
    ['startDateTime', 'datetime'],
    ['lastModifiedDate', 'datetime'],
  ]),
  ...f('CompanyToDos', [
    ['id', 'integer'],
    ['companyID', 'integer', 'create'],
    ['assignedToResourceID', 'integer', 'create'],
    ['startDateTime', 'datetime', 'create'],
    ['endDateTime', 'datetime', 'create'],
    ['actionType', 'integer', 'create'],
    ['activityDescription', 'string'],
    ['lastModifiedDate', 'datetime'],
  ]),
  ...f('Resources', [
    ['id', 'integer'],
    ['firstName', 'string'],
    ['lastName', 'string'],
    ['email', 'string'],
    ['isActive', 'boolean'],
  ]),
];

/** Query filter operators (apigrate's list of Autotask's), plus the and/or groups of QueryModel's Filter.items. */
export const AT_OPERATORS = [
  'eq',
  'noteq',
  'gt',
  'gte',
  'lt',
  'lte',
  'beginsWith',
  'endsWith',
  'contains',
  'exist',
  'notExist',
  'in',
  'notIn',
] as const;

export const AT_QUERY = {
  /** GET /V1.0/{Entity}/query needs `search` (swagger); its JSON is a QueryModel (models). */
  searchRequired: true,
  maxRecords: 500,
  /** The answer's keys (models: QueryActionResult, PageDetails). */
  answer: ['items', 'pageDetails'],
  pageDetails: ['count', 'requestCount', 'prevPageUrl', 'nextPageUrl'],
  headers: ['ApiIntegrationCode', 'UserName', 'Secret'],
} as const;

export const AT_ZONE = {
  path: '/atservicesrest/v1.0/zoneInformation',
  answer: ['zoneName', 'url', 'webUrl', 'ci'],
  /** An unknown or blank user (djautotask). */
  unknownUserStatus: 500,
} as const;

export function knownField(entity: string, field: string): FieldFact | undefined {
  return AT_FIELDS.find((x) => x.entity === entity && x.field.toLowerCase() === field.toLowerCase());
}

/** What is wrong with a record of an entity: fields of the table with the wrong type. */
export function recordProblems(entity: string, value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${entity} is not an object`];
  const problems: string[] = [];
  for (const fact of AT_FIELDS.filter((x) => x.entity === entity)) {
    const v = (value as Record<string, unknown>)[fact.field];
    if (v !== undefined && v !== null && !hasType(v, fact.type))
      problems.push(`${entity}.${fact.field} should be ${fact.type}, is ${JSON.stringify(v)}`);
  }
  return problems;
}

/** A create's problems as Autotask lists them: each required field missing, each wrong type. */
export function createProblems(entity: string, body: unknown): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [`the body should be one ${entity} object`];
  const o = body as Record<string, unknown>;
  const problems = recordProblems(entity, o);
  for (const fact of AT_FIELDS.filter((x) => x.entity === entity && x.requiredOnCreate))
    if (o[fact.field] === undefined || o[fact.field] === null || o[fact.field] === '')
      problems.push(`${fact.field} is required`);
  return problems;
}

/** A search's problems: not a QueryModel, too many records, no filter, an unknown operator or field. */
export function searchProblems(entity: string, search: string | null): string[] {
  if (search === null) return ['the search parameter is required'];
  let q: { MaxRecords?: unknown; filter?: unknown; Filter?: unknown };
  try {
    q = JSON.parse(search) as typeof q;
  } catch {
    return ['search is not JSON'];
  }
  const problems: string[] = [];
  const max = q.MaxRecords;
  if (max !== undefined && (!Number.isInteger(max) || (max as number) < 1 || (max as number) > AT_QUERY.maxRecords))
    problems.push(`MaxRecords must be between 1 and ${AT_QUERY.maxRecords}`);
  const filter = q.filter ?? q.Filter;
  if (!Array.isArray(filter) || !filter.length) return [...problems, 'a query needs at least one filter'];
  const check = (items: unknown[]) => {
    for (const item of items) {
      const c = item as { op?: unknown; field?: unknown; value?: unknown; items?: unknown };
      if (c.op === 'and' || c.op === 'or') {
        if (Array.isArray(c.items)) check(c.items);
        else problems.push(`${String(c.op)} needs items`);
      } else if (!AT_OPERATORS.includes(c.op as (typeof AT_OPERATORS)[number]))
        problems.push(`unknown operator ${JSON.stringify(c.op)}`);
      else if (typeof c.field !== 'string' || !knownField(entity, c.field))
        problems.push(`${entity} has no field ${JSON.stringify(c.field)} in Backstory's contract`);
      else if (knownField(entity, c.field)!.type === 'datetime' && c.op !== 'exist' && !isDate(c.value))
        problems.push(`${c.field} needs a date`);
    }
  };
  check(filter);
  return problems;
}
