/**
 * Zoho CRM's module export (Setup > Data Administration > Export) writes field labels: "Record Id",
 * "Account Name", "Deal Name", "Closing Date", "Campaign Source", and for Notes "Note Title",
 * "Note Content", "Parent Id", "Note Owner" (Zoho's Notes API fields Note_Title, Note_Content,
 * Parent_Id, Owner).
 */
import type { PresetColumns } from './fields';

export const ZOHO: PresetColumns = {
  account: {
    id: ['Record Id', 'Account Id'],
    name: ['Account Name'],
    website: ['Website'],
    industry: ['Industry'],
    leadSource: ['Lead Source', 'Account Source'],
    owner: ['Account Owner'],
    description: ['Description'],
    createDate: ['Created Time'],
  },
  contact: {
    id: ['Record Id', 'Contact Id'],
    accountName: ['Account Name'],
    firstName: ['First Name'],
    lastName: ['Last Name'],
    email: ['Email'],
    title: ['Title'],
    phone: ['Phone', 'Mobile'],
    leadSource: ['Lead Source'],
  },
  campaign: {
    id: ['Record Id'],
    name: ['Campaign Name'],
    channel: ['Type'],
    startDate: ['Start Date'],
    endDate: ['End Date'],
    cost: ['Actual Cost', 'Budgeted Cost'],
    currency: ['Currency'],
    owner: ['Campaign Owner'],
  },
  deal: {
    id: ['Record Id', 'Deal Id'],
    accountName: ['Account Name'],
    campaignName: ['Campaign Source'],
    leadSource: ['Lead Source'],
    name: ['Deal Name'],
    valueOneTime: ['Amount'],
    currency: ['Currency'],
    stage: ['Stage'],
    closeDate: ['Closing Date'],
    salesRep: ['Deal Owner'],
    description: ['Description'],
    createDate: ['Created Time'],
  },
  note: {
    id: ['Record Id', 'Note Id'],
    parentId: ['Parent Id'],
    author: ['Note Owner'],
    date: ['Created Time'],
    title: ['Note Title'],
    body: ['Note Content'],
  },
};
