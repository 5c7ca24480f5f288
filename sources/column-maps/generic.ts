/**
 * Common names that no one product's export gives (a hand-made file, or a product without a preset
 * of its own). They are tried after the file's own product, so they never take a column from it.
 */
import type { PresetColumns } from './fields';

export const GENERIC: PresetColumns = {
  account: {
    id: ['sourceId'],
    name: ['Name', 'Account', 'Company', 'Organization', 'Organisation', 'Customer', 'Client'],
    aliases: ['Aliases', 'Also known as', 'AKA', 'Other names', 'DBA'],
    domains: ['Domain', 'Email domain', 'Email domains'],
    website: ['URL', 'Web'],
    externalIds: ['External IDs'],
    industry: ['Sector', 'Vertical'],
    leadSource: ['Source'],
    customerSince: ['Client Since'],
    owner: ['Owner'],
    description: ['Description'],
    notes: ['Notes'],
  },
  contact: {
    id: ['sourceId'],
    accountName: ['Account', 'Organization', 'Customer'],
    name: ['Name', 'Contact'],
    firstName: ['Given name'],
    lastName: ['Surname', 'Family name'],
    email: ['E-mail', 'Email Address'],
    role: ['Role'],
    title: ['Position'],
    phone: ['Telephone'],
    leadSource: ['Lead Source'],
  },
  campaign: {
    id: ['sourceId'],
    name: ['Name', 'Campaign'],
    channel: ['Medium'],
    cost: ['Cost'],
    currency: ['Currency'],
    owner: ['Owner'],
  },
  deal: {
    id: ['sourceId'],
    accountName: ['Account', 'Customer', 'Client'],
    campaignName: ['Campaign'],
    leadSource: ['Source', 'Lead Source'],
    name: ['Deal', 'Name'],
    valueOneTime: ['Value', 'One-time value'],
    currency: ['Currency'],
    closeDate: ['Closed'],
    expectedCloseDate: ['Expected Close'],
    salesRep: ['Owner', 'Rep', 'Salesperson'],
    productsSold: ['Products', 'Products Sold', 'Product'],
    promises: ['Promises', 'Commitments'],
    description: ['Description'],
    notes: ['Notes'],
  },
  note: {
    id: ['sourceId'],
    accountName: ['Account', 'Customer'],
    dealName: ['Deal'],
    author: ['By', 'Owner', 'User'],
    date: ['Created'],
    body: ['Note', 'Content', 'Comment', 'Details'],
    tags: ['Labels', 'Category'],
    pinned: ['Pin', 'Important'],
  },
};
