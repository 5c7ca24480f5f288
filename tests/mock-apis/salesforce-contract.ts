/**
 * The Salesforce facts Backstory's client (sources/salesforce.ts) relies on, with where each comes
 * from. The mock (salesforce-server.ts) answers by these and refuses what breaks them, with
 * Salesforce's error shape ([{ message, errorCode }] for the REST API, { error,
 * error_description } for OAuth); tests/unit/salesforce.test.ts checks the client against it.
 *
 * Sources, all Salesforce's own documentation unless said: the Object Reference for the fields of
 * each object and whether they can be filtered (developer.salesforce.com/docs/atlas.en-us.object_reference,
 * the same facts as the published sObjects OpenAPI description); the REST API Developer Guide
 * (query, nextRecordsUrl, status codes and error responses, Sforce-Limit-Info, limits resource);
 * the SOQL and SOSL Reference (datetime literals, LIKE, IN, relationship queries);
 * Salesforce Help "OAuth 2.0 Web Server Flow for Web App Integration" with PKCE and "OAuth 2.0
 * Refresh Token Flow"; jsforce (npm) lib/connection.js for how a mature client pages by
 * nextRecordsUrl, refreshes on INVALID_SESSION_ID and reads Sforce-Limit-Info.
 * Nothing here was checked against a real org.
 */

export interface SfFact {
  fact: string;
  source: string;
}

export const SF_FACTS = {
  query: {
    fact: 'GET /services/data/vXX.X/query?q=<SOQL> answers { totalSize, done, records, nextRecordsUrl? }; while done is false, GET nextRecordsUrl (a path under /services/data) gives the next batch (2,000 by default)',
    source: 'REST API Developer Guide: Query; jsforce lib/query.js',
  },
  datetime: {
    fact: 'SOQL datetime literals are unquoted, e.g. SystemModstamp > 2026-12-01T09:55:00Z',
    source: 'SOQL and SOSL Reference: Date Formats and Date Literals',
  },
  longText: {
    fact: 'Long text area fields (Task.Description, Account.Description, Opportunity.Description, Note.Body) cannot be filtered in WHERE (INVALID_FIELD)',
    source: 'SOQL and SOSL Reference: Comparison Operators; Object Reference (Filter property)',
  },
  contentDocumentLink: {
    fact: 'ContentDocumentLink must be queried with a filter on ContentDocumentId or LinkedEntityId (= or IN), else MALFORMED_QUERY (Implementation restriction)',
    source: 'Object Reference: ContentDocumentLink',
  },
  contentNote: {
    fact: "ContentNote's text is a blob: GET /services/data/vXX.X/sobjects/ContentNote/{id}/Content answers it (HTML)",
    source: 'Object Reference: ContentNote; REST API Developer Guide: sObject Blob Retrieve',
  },
  currency: {
    fact: "CurrencyIsoCode exists on records only when multi-currency is enabled; Organization.DefaultCurrencyIsoCode is the org currency; describe lists an object's fields",
    source: 'Object Reference: Opportunity, Organization; REST API Developer Guide: sObject Describe',
  },
  errors: {
    fact: "REST errors are [{ message, errorCode }]: 401 INVALID_SESSION_ID for an expired or revoked session; 403 REQUEST_LIMIT_EXCEEDED when the org's daily API requests are used up; 400 INVALID_FIELD and MALFORMED_QUERY for bad SOQL",
    source: 'REST API Developer Guide: Status Codes and Error Responses; API Request Limits',
  },
  limitInfo: {
    fact: 'Every REST answer carries Sforce-Limit-Info: api-usage=<used>/<limit> (requests in the last 24 hours); /limits has DailyApiRequests { Max, Remaining }',
    source: 'REST API Developer Guide: Limit Info Header, Limits; jsforce lib/connection.js (limitInfo)',
  },
  authorize: {
    fact: 'Sign-in: GET <login host>/services/oauth2/authorize with response_type=code, client_id (the consumer key), redirect_uri (registered on the app), code_challenge, code_challenge_method=S256, scope, state; the browser comes back to redirect_uri?code=...&state=...',
    source: 'Salesforce Help: OAuth 2.0 Web Server Flow for Web App Integration (PKCE)',
  },
  token: {
    fact: 'POST <login host>/services/oauth2/token, form-encoded: grant_type=authorization_code with code, client_id, redirect_uri, code_verifier (no client_secret when the app does not require it) -> { access_token, refresh_token, instance_url, id, token_type, issued_at, signature, scope }; grant_type=refresh_token with refresh_token, client_id -> the same without refresh_token; a bad grant is 400 { error: "invalid_grant", error_description }',
    source: 'Salesforce Help: OAuth 2.0 Web Server Flow; OAuth 2.0 Refresh Token Flow',
  },
  task: {
    fact: 'POST /services/data/vXX.X/sobjects/Task { Subject, Description, WhatId (an account), OwnerId (a user), ActivityDate, Priority } -> 201 { id, success, errors }; an unknown field is 400 INVALID_FIELD',
    source: 'Object Reference: Task; REST API Developer Guide: Create a Record',
  },
} satisfies Record<string, SfFact>;

/** The fields of each object the client reads or writes, and which can be filtered. */
export const SF_FIELDS: Record<string, { fields: string[]; unfilterable?: string[]; source: string }> = {
  Account: {
    fields: ['Id', 'Name', 'Website', 'AccountSource', 'OwnerId', 'Description', 'SystemModstamp'],
    unfilterable: ['Description'],
    source: 'Object Reference: Account',
  },
  Contact: {
    fields: ['Id', 'Name', 'Email', 'Title', 'AccountId', 'SystemModstamp'],
    source: 'Object Reference: Contact',
  },
  OpportunityContactRole: {
    fields: ['Id', 'ContactId', 'OpportunityId', 'Role', 'IsPrimary', 'SystemModstamp'],
    source: 'Object Reference: OpportunityContactRole (child relationship OpportunityContactRoles of Contact)',
  },
  Campaign: {
    fields: ['Id', 'Name', 'Type', 'StartDate', 'EndDate', 'ActualCost', 'SystemModstamp'],
    source: 'Object Reference: Campaign',
  },
  Opportunity: {
    fields: [
      'Id',
      'Name',
      'AccountId',
      'Amount',
      'CloseDate',
      'StageName',
      'IsWon',
      'IsClosed',
      'LeadSource',
      'CampaignId',
      'OwnerId',
      'Description',
      'SystemModstamp',
    ],
    unfilterable: ['Description'],
    source: 'Object Reference: Opportunity',
  },
  Note: {
    fields: ['Id', 'Title', 'Body', 'ParentId', 'OwnerId', 'CreatedDate', 'CreatedById', 'SystemModstamp'],
    unfilterable: ['Body'],
    source: 'Object Reference: Note',
  },
  ContentNote: {
    fields: ['Id', 'Title', 'Content', 'TextPreview', 'OwnerId', 'CreatedDate', 'CreatedById', 'SystemModstamp'],
    unfilterable: ['Content'],
    source: 'Object Reference: ContentNote',
  },
  ContentDocumentLink: {
    fields: ['Id', 'ContentDocumentId', 'LinkedEntityId', 'ShareType', 'Visibility'],
    source: 'Object Reference: ContentDocumentLink',
  },
  Task: {
    fields: ['Id', 'Subject', 'Description', 'WhatId', 'WhoId', 'OwnerId', 'ActivityDate', 'Priority', 'Status'],
    unfilterable: ['Description'],
    source: 'Object Reference: Task',
  },
  Organization: {
    fields: ['Id', 'Name', 'DefaultCurrencyIsoCode'],
    source: 'Object Reference: Organization',
  },
  User: { fields: ['Id', 'Name'], source: 'Object Reference: User' },
};

/** Relationship names the client follows: object.relationship -> the object it names. */
export const SF_RELATIONSHIPS: Record<string, string> = {
  'Account.Owner': 'User',
  'Opportunity.Owner': 'User',
  'Opportunity.Campaign': 'Campaign',
  'Note.CreatedBy': 'User',
  'Note.Owner': 'User',
  'ContentNote.CreatedBy': 'User',
};
