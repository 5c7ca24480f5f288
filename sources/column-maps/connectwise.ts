/**
 * ConnectWise PSA (Manage) company and opportunity list exports. A list export writes the list
 * view's column titles. Where the headers come from:
 * - Companies: the Company list view's columns as a ConnectWise billing integration documents
 *   them (betterinvoice.io, "Company Finance List View": Company Name, Company ID, Type, Status,
 *   Territory, Market), and "Company", "Web Site" and "Company ID" as a ConnectWise sync partner
 *   names them (CloudPlus, "ConnectWise Company to Customer sync details").
 * - Opportunities and notes: no public copy of an opportunity list export was found. The
 *   headers are the opportunity screen's field labels, which the REST API's opportunity model
 *   mirrors (expectedCloseDate, closedDate, source, campaign, primarySalesRep, status, stage;
 *   sources/connectwise-facts.md): assumed, and never checked against a real export.
 */
import type { PresetColumns } from './fields';

export const CONNECTWISE: PresetColumns = {
  account: {
    id: ['Company ID'],
    name: ['Company Name', 'Company'],
    website: ['Website', 'Web Site'],
    industry: ['Market', 'Industry'],
    leadSource: ['Lead Source', 'Source'],
    customerSince: ['Customer Since'],
    owner: ['Account Manager', 'Territory Manager'],
  },
  contact: {
    id: ['Contact ID'],
    accountId: ['Company ID'],
    accountName: ['Company', 'Company Name'],
    firstName: ['First Name'],
    lastName: ['Last Name'],
    email: ['Email', 'Default Email'],
    role: ['Type', 'Contact Type'],
    title: ['Title'],
    phone: ['Phone', 'Direct', 'Default Phone'],
  },
  campaign: {
    id: ['Campaign ID'],
    name: ['Campaign Name', 'Campaign'],
    channel: ['Type', 'Campaign Type'],
    startDate: ['Start Date'],
    endDate: ['End Date'],
    cost: ['Actual Cost', 'Budget Cost'],
    owner: ['Owner'],
  },
  deal: {
    id: ['Opportunity ID'],
    accountId: ['Company ID'],
    accountName: ['Company', 'Company Name'],
    campaignId: ['Campaign ID'],
    campaignName: ['Campaign'],
    leadSource: ['Source'],
    name: ['Opportunity Name', 'Opportunity'],
    valueOneTime: ['Product Revenue', 'One-Time Revenue'],
    valueRecurring: ['Recurring Revenue'],
    stage: ['Status', 'Stage'],
    stageDetail: ['Stage'],
    closeDate: ['Closed Date'],
    expectedCloseDate: ['Expected Close Date'],
    salesRep: ['Sales Rep', 'Primary Sales Rep'],
    notes: ['Notes'],
  },
  note: {
    id: ['Note ID'],
    accountId: ['Company ID'],
    accountName: ['Company', 'Company Name'],
    dealId: ['Opportunity ID'],
    dealName: ['Opportunity', 'Opportunity Name'],
    author: ['Entered By', 'Member'],
    date: ['Date Entered', 'Date Created'],
    body: ['Notes', 'Text'],
  },
};
