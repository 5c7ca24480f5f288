/**
 * Salesforce: report exports (the column labels of the Opportunities, Accounts, Contacts and
 * Campaigns report types: a report column is headed by its field's label, as the Salesforce
 * Field Reference lists them, e.g. for Opportunity "Opportunity ID", "Account ID", "Amount",
 * "Close Date", "Opportunity Currency", "Description"; the report types name the owner and the
 * campaign "Opportunity Owner"/"Account Owner" and "Primary Campaign Source": no Salesforce page
 * listing a report type's columns was found, so these are assumed, not checked) and the weekly Data Export / Data Loader files, whose headers are the
 * objects' API field names (Salesforce Object Reference: Account, Contact, Opportunity,
 * Campaign, Note, User: Id, AccountId, StageName, IsWon, LeadSource, CampaignId, OwnerId, ParentId...).
 */
import type { PresetColumns } from './fields';

export const SALESFORCE: PresetColumns = {
  account: {
    id: ['Account ID', 'Id'],
    name: ['Account Name', 'Name'],
    website: ['Website'],
    industry: ['Industry'],
    leadSource: ['Account Source', 'Lead Source', 'AccountSource'],
    customerSince: ['Customer Since'],
    owner: ['Account Owner', 'OwnerId'],
    description: ['Description'],
    createDate: ['Created Date', 'CreatedDate'],
  },
  contact: {
    id: ['Contact ID', 'Id'],
    accountId: ['Account ID', 'AccountId'],
    accountName: ['Account Name'],
    name: ['Full Name', 'Contact Name', 'Name'],
    firstName: ['First Name', 'FirstName'],
    lastName: ['Last Name', 'LastName'],
    email: ['Email'],
    role: ['Contact Role', 'Role'],
    title: ['Title'],
    phone: ['Phone', 'Mobile', 'MobilePhone'],
    leadSource: ['Lead Source', 'LeadSource'],
  },
  campaign: {
    id: ['Campaign ID', 'Id'],
    name: ['Campaign Name', 'Name'],
    channel: ['Type', 'Campaign Type'],
    startDate: ['Start Date', 'StartDate'],
    endDate: ['End Date', 'EndDate'],
    cost: ['Actual Cost', 'Budgeted Cost', 'ActualCost', 'BudgetedCost'],
    currency: ['Campaign Currency', 'Currency', 'CurrencyIsoCode'],
    owner: ['Campaign Owner', 'OwnerId'],
  },
  deal: {
    id: ['Opportunity ID', 'Id'],
    accountId: ['Account ID', 'AccountId'],
    accountName: ['Account Name'],
    campaignId: ['Campaign ID', 'CampaignId'],
    campaignName: ['Primary Campaign Source', 'Campaign Name'],
    leadSource: ['Lead Source', 'LeadSource'],
    name: ['Opportunity Name', 'Name'],
    valueOneTime: ['Amount'],
    valueRecurring: ['Monthly Recurring Revenue', 'MRR'],
    currency: ['Opportunity Currency', 'Currency', 'CurrencyIsoCode'],
    stage: ['Stage', 'StageName'],
    isWon: ['Won', 'IsWon'],
    closeDate: ['Close Date', 'CloseDate'],
    salesRep: ['Opportunity Owner', 'OwnerId'],
    description: ['Description'],
    createDate: ['Created Date', 'CreatedDate'],
  },
  note: {
    id: ['Activity ID', 'Note ID', 'Id'],
    accountId: ['Account ID', 'AccountId'],
    accountName: ['Account Name', 'Company / Account'],
    dealId: ['Opportunity ID'],
    dealName: ['Opportunity Name', 'Opportunity'],
    parentId: ['ParentId', 'Parent ID'],
    author: ['Assigned', 'Created By', 'OwnerId'],
    date: ['Date', 'Created Date', 'CreatedDate'],
    title: ['Title', 'Subject'],
    body: ['Body', 'Comments', 'Full Comments'],
  },
};
