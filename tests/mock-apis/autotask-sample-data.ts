/**
 * The mock Autotask PSA's data (tests/mock-apis/autotask-server.ts serves it): its shape, and the
 * sample resources, companies, contacts, opportunities, notes and to-dos.
 */
export type Obj = Record<string, unknown> & { id: number };

export interface MockAutotaskData {
  Companies: Obj[];
  Contacts: Obj[];
  Opportunities: Obj[];
  CompanyNotes: Obj[];
  CompanyToDos: Obj[];
  Resources: Obj[];
}

export function sampleAutotaskData(): MockAutotaskData {
  return {
    Resources: [
      { id: 29682885, firstName: 'Dana', lastName: 'Whitfield', email: 'dana@northwind-msp.example', isActive: true },
      { id: 29682886, firstName: 'Priya', lastName: 'Nair', email: 'priya@northwind-msp.example', isActive: true },
    ],
    Companies: [
      {
        id: 174,
        companyName: 'Riverside Family Clinic',
        companyNumber: 'RFC-01',
        webAddress: 'https://www.riversideclinic.org',
        ownerResourceID: 29682885,
        marketSegmentID: 1,
        isActive: true,
        createDate: '2024-05-14T13:00:00Z',
        lastTrackedModifiedDateTime: '2025-01-10T09:00:00Z',
        userDefinedFields: [{ name: 'Lead Source', value: 'Chamber of commerce breakfast' }],
      },
      {
        id: 175,
        companyName: 'Harbor Optometry',
        webAddress: 'harboroptometry.example',
        ownerResourceID: 29682886,
        marketSegmentID: 1,
        isActive: true,
        lastTrackedModifiedDateTime: '2025-01-10T09:00:00Z',
        userDefinedFields: [],
      },
      { id: 176, companyName: 'Old Client Ltd', isActive: false },
    ],
    Contacts: [
      {
        id: 30682,
        companyID: 174,
        firstName: 'Tom',
        lastName: 'Becker',
        emailAddress: 'Tom.Becker@RiversideClinic.org',
        title: 'Practice manager',
        isActive: 1,
        primaryContact: true,
        lastModifiedDate: '2025-01-10T09:00:00Z',
      },
      { id: 30683, companyID: 175, firstName: 'Omar', lastName: 'Reyes', isActive: 1 },
      { id: 30684, companyID: 175, firstName: 'Left', lastName: 'Long Ago', isActive: 0 },
    ],
    Opportunities: [
      {
        id: 8001,
        companyID: 174,
        title: 'Riverside - managed IT for 3 sites',
        description: 'Managed IT, 24/7 monitoring of the patient portal',
        amount: 39600,
        cost: 20000,
        monthlyRevenue: 3300,
        onetimeRevenue: 0,
        status: 3,
        stage: 12,
        leadSource: 1,
        ownerResourceID: 29682885,
        projectedCloseDate: '2024-06-01T00:00:00Z',
        closedDate: '2024-05-30T00:00:00Z',
        probability: 100,
        useQuoteTotals: false,
        createDate: '2024-05-01T00:00:00Z',
        lastActivity: '2024-05-30T10:00:00Z',
      },
      {
        id: 8002,
        companyID: 175,
        title: 'Harbor Optometry - exam room PCs',
        amount: 6200,
        cost: 4000,
        onetimeRevenue: 6200,
        status: 1,
        stage: 11,
        leadSource: 3,
        ownerResourceID: 29682886,
        projectedCloseDate: '2026-12-20T00:00:00Z',
        probability: 50,
        useQuoteTotals: false,
        lastActivity: '2026-11-02T08:00:00Z',
      },
    ],
    CompanyNotes: [
      {
        id: 501,
        companyID: 174,
        name: 'Account review',
        note: 'No maintenance during Tuesday vaccination clinics.',
        actionType: 3,
        assignedResourceID: 29682885,
        createDateTime: '2025-03-04T15:00:00Z',
        lastModifiedDate: '2025-03-04T15:00:00Z',
      },
      {
        id: 502,
        companyID: 174,
        opportunityID: 8001,
        name: 'Why they signed',
        note: 'Dr. Alvarez signed because we promised portal restores within 2 hours.',
        actionType: 1,
        assignedResourceID: 29682885,
        createDateTime: '2024-05-29T11:00:00Z',
        lastModifiedDate: '2024-05-29T11:00:00Z',
      },
    ],
    CompanyToDos: [],
  };
}
