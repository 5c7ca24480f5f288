/**
 * Dynamics 365 Sales "Export to Excel" (Microsoft Learn, "Export to an Excel static worksheet")
 * writes the view's column labels after hidden "(Do Not Modify)" columns, the first of which holds
 * the row's GUID: "(Do Not Modify) Opportunity", "Topic", "Potential Customer", "Est. Revenue",
 * "Est. Close Date", "Actual Close Date", "Status", "Owner".
 */
import type { PresetColumns } from './fields';

export const DYNAMICS: PresetColumns = {
  account: {
    id: ['(Do Not Modify) Account'],
    name: ['Account Name'],
    website: ['Website'],
    industry: ['Industry'],
    leadSource: ['Source', 'Lead Source'],
    owner: ['Owner'],
    description: ['Description'],
    createDate: ['Created On'],
  },
  contact: {
    id: ['(Do Not Modify) Contact'],
    accountName: ['Company Name', 'Account Name'],
    name: ['Full Name'],
    firstName: ['First Name'],
    lastName: ['Last Name'],
    email: ['Email'],
    title: ['Job Title'],
    phone: ['Business Phone', 'Mobile Phone'],
  },
  deal: {
    id: ['(Do Not Modify) Opportunity'],
    accountName: ['Potential Customer', 'Account'],
    campaignName: ['Source Campaign', 'Campaign'],
    name: ['Topic'],
    valueOneTime: ['Est. Revenue', 'Actual Revenue'],
    currency: ['Currency'],
    stage: ['Status'],
    stageDetail: ['Pipeline Phase', 'Sales Stage'],
    closeDate: ['Actual Close Date'],
    expectedCloseDate: ['Est. Close Date'],
    salesRep: ['Owner'],
    description: ['Description'],
    createDate: ['Created On'],
  },
};
