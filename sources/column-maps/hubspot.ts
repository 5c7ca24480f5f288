/**
 * HubSpot's export of companies, contacts, deals and activities (knowledge base, "Export your
 * records"), which writes each property's label: "Record ID", "Company name", "Deal Stage",
 * "Associated Company IDs (Primary)"; the source properties as labelled now ("Original Source",
 * "Original Source Data 1/2", "Original Traffic Source", "Latest Traffic Source") and before
 * ("Original Source Drill-Down 1/2", "Original Source Type"), as issue 19 lists them.
 */
import type { PresetColumns } from './fields';

const COMPANY_ID = ['Associated Company IDs (Primary)', 'Associated Company ID', 'Associated Company IDs'];
const COMPANY = ['Associated Company', 'Associated Company (Primary)', 'Associated Company Name'];
const SOURCE = ['Original Source', 'Original Traffic Source', 'Original Source Type', 'Latest Traffic Source'];
const SOURCE_1 = ['Original Source Data 1', 'Original Source Drill-Down 1', 'Original Traffic Source Drill-Down 1'];
const SOURCE_2 = ['Original Source Data 2', 'Original Source Drill-Down 2', 'Original Traffic Source Drill-Down 2'];

export const HUBSPOT: PresetColumns = {
  account: {
    id: ['Record ID', 'Company ID'],
    name: ['Company name'],
    domains: ['Company Domain Name'],
    website: ['Website URL'],
    industry: ['Industry'],
    leadSource: SOURCE,
    leadSourceDetail: SOURCE_1,
    leadSourceDetail2: SOURCE_2,
    customerSince: ['Became a Customer Date'],
    owner: ['Company owner'],
    description: ['Description', 'About Us'],
    notes: ['Associated Note'],
    createDate: ['Create Date'],
  },
  contact: {
    id: ['Record ID', 'Contact ID'],
    accountId: COMPANY_ID,
    accountName: COMPANY,
    firstName: ['First Name'],
    lastName: ['Last Name'],
    email: ['Email'],
    role: ['Buying Role'],
    title: ['Job Title'],
    phone: ['Phone Number', 'Mobile Phone Number'],
    leadSource: SOURCE,
    leadSourceDetail: SOURCE_1,
    leadSourceDetail2: SOURCE_2,
  },
  campaign: {
    id: ['Campaign ID'],
    name: ['Campaign name'],
    channel: ['Campaign type'],
    startDate: ['Start date'],
    endDate: ['End date'],
    cost: ['Budget', 'Spend'],
    currency: ['Currency'],
    owner: ['Campaign owner'],
  },
  deal: {
    id: ['Record ID', 'Deal ID'],
    accountId: COMPANY_ID,
    accountName: COMPANY,
    campaignName: ['Campaign'],
    leadSource: SOURCE,
    leadSourceDetail: SOURCE_1,
    leadSourceDetail2: SOURCE_2,
    name: ['Deal Name'],
    valueOneTime: ['Amount'],
    valueRecurring: ['Monthly recurring revenue', 'MRR'],
    currency: ['Currency', 'Deal Currency Code'],
    stage: ['Deal Stage'],
    closeDate: ['Close Date'],
    salesRep: ['Deal owner'],
    description: ['Deal Description', 'Description'],
    notes: ['Associated Note'],
    createDate: ['Create Date'],
  },
  note: {
    id: ['Record ID', 'Note ID'],
    accountId: COMPANY_ID,
    accountName: COMPANY,
    dealId: ['Associated Deal IDs', 'Associated Deal ID'],
    dealName: ['Associated Deal'],
    author: ['Activity assigned to', 'Created by'],
    date: ['Activity date', 'Create Date'],
    body: ['Note body'],
  },
};
