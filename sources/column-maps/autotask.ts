/**
 * Autotask's organization search exports "In Import Template Format", whose headers are those of
 * its import templates (Autotask online help, "Populating the Organization import template":
 * "Organization ID (updates only)", "Name", "Number", "Address 1", "Phone"...; and "Populating the
 * Opportunities import template": "Opportunity ID [updates only]", "Opportunity Name (required)",
 * "Opportunity Description", "Organization (required)", "Contact"). The help says an instance may
 * call organizations "Account", "Customer" or "Client Company" instead, so those words stand in
 * for "Organization" too. Only these headers could be read in the documentation: the templates'
 * columns for a website, an owner, an amount, a stage or a close date were not found in any
 * source, so an Autotask file maps none of them by itself (the preview lists them as ignored;
 * they can be mapped by hand).
 */
import type { PresetColumns } from './fields';

/** Autotask's word for an organization, as an instance may have renamed it (its online help). */
const TERMS = ['Organization', 'Account', 'Customer', 'Client Company'];
const ORG_ID = TERMS.map((t) => `${t} ID (updates only)`);
const ORG = TERMS.map((t) => `${t} (required)`);

export const AUTOTASK: PresetColumns = {
  account: {
    id: ORG_ID,
    name: ['Name', '[required] Name'],
  },
  deal: {
    id: ['Opportunity ID [updates only]'],
    accountName: ORG,
    name: ['Opportunity Name (required)', 'Opportunity Name'],
    description: ['Opportunity Description'],
  },
};
