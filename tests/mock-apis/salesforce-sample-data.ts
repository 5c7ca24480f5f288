/**
 * The mock Salesforce org's data (tests/mock-apis/salesforce-server.ts serves it): its shape, and
 * the sample users, accounts, contacts, campaigns, opportunities, notes and tasks.
 */
export type SfRow = Record<string, unknown> & { Id: string };

export interface MockSalesforceData {
  User: SfRow[];
  Account: SfRow[];
  Contact: SfRow[];
  OpportunityContactRole: SfRow[];
  Campaign: SfRow[];
  Opportunity: SfRow[];
  Note: SfRow[];
  ContentNote: SfRow[];
  ContentDocumentLink: SfRow[];
  Task: SfRow[];
}

/** The sample records' SystemModstamp; a row without the field compared in a condition counts as this time. */
export const T = '2026-11-20T09:00:00.000+0000';

export function sampleSalesforceData(): MockSalesforceData {
  return {
    User: [
      { Id: '005000000000001AAA', Name: 'Priya Nair' },
      { Id: '005000000000002AAA', Name: 'Tom Okafor' },
    ],
    Account: [
      {
        Id: '001000000000001AAA',
        Name: 'Lakeside Veterinary Clinic',
        Website: 'https://www.lakeside-vet.example/',
        AccountSource: 'Trade Show',
        OwnerId: '005000000000001AAA',
        Description: 'Three clinics',
        SystemModstamp: T,
      },
      { Id: '001000000000002AAA', Name: 'Bluebird Dental', OwnerId: '005000000000002AAA', SystemModstamp: T },
      { Id: '001000000000003AAA', Name: '', OwnerId: '005000000000002AAA', SystemModstamp: T },
    ],
    Contact: [
      {
        Id: '003000000000001AAA',
        Name: 'Dr. Imani Ross',
        Email: 'Imani@Lakeside-Vet.example',
        Title: 'Practice owner',
        AccountId: '001000000000001AAA',
        SystemModstamp: T,
      },
      {
        Id: '003000000000002AAA',
        Name: 'Lena Cho',
        Email: 'lena@bluebird.example',
        AccountId: '001000000000002AAA',
        SystemModstamp: T,
      },
    ],
    OpportunityContactRole: [
      {
        Id: '00K000000000001AAA',
        ContactId: '003000000000001AAA',
        OpportunityId: '006000000000001AAA',
        Role: 'Decision Maker',
        IsPrimary: true,
        SystemModstamp: T,
      },
    ],
    Campaign: [
      {
        Id: '701000000000001AAA',
        Name: 'Vet expo 2026',
        Type: 'Trade Show',
        StartDate: '2026-02-10',
        EndDate: '2026-02-12',
        ActualCost: 5200,
        SystemModstamp: T,
      },
    ],
    Opportunity: [
      {
        Id: '006000000000001AAA',
        Name: 'Lakeside - managed IT',
        AccountId: '001000000000001AAA',
        Amount: 18000,
        CloseDate: '2026-03-15',
        StageName: 'Closed Won',
        IsWon: true,
        IsClosed: true,
        LeadSource: 'Trade Show',
        CampaignId: '701000000000001AAA',
        OwnerId: '005000000000001AAA',
        Description: 'Managed IT for 3 clinics; promised same-day X-ray workstation fixes',
        SystemModstamp: T,
      },
      {
        Id: '006000000000002AAA',
        Name: 'Bluebird - phones',
        AccountId: '001000000000002AAA',
        Amount: 2400,
        CloseDate: '2026-12-20',
        StageName: 'Proposal/Price Quote',
        IsWon: false,
        IsClosed: false,
        OwnerId: '005000000000002AAA',
        SystemModstamp: T,
      },
    ],
    Note: [
      {
        Id: '002000000000001AAA',
        Title: 'Kickoff',
        Body: 'Imani wants updates by text, never email.',
        ParentId: '001000000000001AAA',
        CreatedById: '005000000000001AAA',
        CreatedDate: '2026-03-16T10:00:00.000+0000',
        SystemModstamp: T,
      },
    ],
    ContentNote: [
      {
        Id: '069000000000001AAA',
        Title: 'X-ray room',
        Content: '<p>The X-ray workstation <b>must</b> be back within 4 hours.</p>',
        CreatedById: '005000000000001AAA',
        CreatedDate: '2026-03-17T10:00:00.000+0000',
        SystemModstamp: T,
      },
    ],
    ContentDocumentLink: [
      { Id: '06A000000000001AAA', ContentDocumentId: '069000000000001AAA', LinkedEntityId: '006000000000001AAA' },
      { Id: '06A000000000002AAA', ContentDocumentId: '069000000000001AAA', LinkedEntityId: '005000000000001AAA' },
    ],
    Task: [],
  };
}
