/**
 * Pipedrive's spreadsheet export ("Exporting data" in its knowledge base) heads each column
 * "Entity - Field label": "Deal - Title", "Organization - Name", "Note - Content".
 */
import type { PresetColumns } from './fields';

export const PIPEDRIVE: PresetColumns = {
  account: {
    id: ['Organization - ID'],
    name: ['Organization - Name'],
    website: ['Organization - Website'],
    industry: ['Organization - Industry'],
    owner: ['Organization - Owner'],
    notes: ['Organization - Notes'],
    createDate: ['Organization - Organization created'],
  },
  contact: {
    id: ['Person - ID'],
    accountName: ['Person - Organization', 'Organization - Name'],
    name: ['Person - Name'],
    firstName: ['Person - First name'],
    lastName: ['Person - Last name'],
    email: ['Person - Email', 'Person - Email - Work'],
    title: ['Person - Job title'],
    phone: ['Person - Phone', 'Person - Phone - Work'],
  },
  deal: {
    id: ['Deal - ID'],
    accountName: ['Deal - Organization', 'Organization - Name'],
    leadSource: ['Deal - Source origin'],
    leadSourceDetail: ['Deal - Source channel'],
    name: ['Deal - Title'],
    valueOneTime: ['Deal - Value'],
    currency: ['Deal - Currency'],
    stage: ['Deal - Status'],
    stageDetail: ['Deal - Stage'],
    // "Deal closed on" (the API's close_time) is set for won and lost deals alike; "Won time" only
    // for won ones. Its label in exports: public code reading Pipedrive's deal export looks for
    // "Deal - Deal closed on" (tests/fixtures/csv/README.md).
    closeDate: ['Deal - Deal closed on', 'Deal - Won time', 'Deal - Close time', 'Deal - Lost time'],
    expectedCloseDate: ['Deal - Expected close date'],
    salesRep: ['Deal - Owner'],
    createDate: ['Deal - Deal created'],
  },
  note: {
    id: ['Note - ID'],
    accountName: ['Note - Organization', 'Organization - Name'],
    dealName: ['Note - Deal', 'Deal - Title'],
    author: ['Note - User', 'Note - Author'],
    date: ['Note - Add time', 'Note - Date'],
    body: ['Note - Content'],
  },
};
