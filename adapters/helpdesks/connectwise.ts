import type { AdapterReading, HelpdeskAdapter, TicketExample } from '../types';
import { byLabel, clean, first, mailto, param, splitContact, validId, valueOf, finish } from '../dom';

/**
 * ConnectWise PSA (Manage), cloud (na/eu/au.myconnectwise.net) and on-premises (any host with
 * /v4_6_release/). Its class names are generated, so fields are found by data-cwid, aria-label
 * and visible labels inside the ticket's header pod (AttenSean/userscripts uses the same hooks).
 */
function isTicketUrl(url: URL): boolean {
  if (!/\/v4_6_release\//i.test(url.pathname)) return false;
  if (/fv_sr100_request\.rails$/i.test(url.pathname)) return !!validId(param(url, 'service_recid'));
  return /ConnectWise\.aspx$/i.test(url.pathname) && /ServiceTicket/i.test(url.hash) && /\d/.test(url.hash);
}

function read(doc: Document, url: URL): AdapterReading {
  const pod =
    first(doc, ['.pod_ticketHeader', '[data-cwid="ticketHeader"]', '[aria-label="Service Ticket"]']) ?? doc.body;
  const fromHash = /(?:recid|ticket)[=/#:]?(\d+)/i.exec(url.hash)?.[1];
  const heading = /Service Ticket\s*#\s*(\d+)/i.exec(
    clean(first(doc, ['.pod_ticketHeader .mm_label', '.cw-header-title', 'h1', '.GMDB3DUBJTB'])?.textContent),
  )?.[1];
  const ticketId = validId(param(url, 'service_recid')) ?? fromHash ?? heading;
  const company = valueOf(
    first(pod, [
      '[data-cwid="company"] input',
      'input.cw_company',
      '[aria-label="Company"] .mm_value',
      '[aria-label="Company"] input',
    ]) ?? byLabel(pod, ['Company']),
  );
  const contactEl =
    first(pod, [
      '[data-cwid="contact"] input',
      'input.cw_contact',
      '[aria-label="Contact"] .mm_value',
      '[aria-label="Contact"] input',
    ]) ?? byLabel(pod, ['Contact']);
  const emailEl =
    first(pod, [
      '[data-cwid="emailAddress"] input',
      'input.cw_emailAddress',
      '[aria-label="Email"] .mm_value',
      '[aria-label="Email"] input',
    ]) ?? byLabel(pod, ['Email']);
  const contact = splitContact(valueOf(contactEl));
  return finish({
    ticketId,
    company: company || undefined,
    contactName: contact.name,
    contactEmail: valueOf(emailEl) || contact.email || mailto(emailEl),
  });
}

const connectwise: HelpdeskAdapter = {
  id: 'connectwise',
  name: 'ConnectWise PSA',
  hosted: ['https://*.myconnectwise.net/*', 'https://*.myconnectwise.com/*', 'https://*.connectwise.net/*'],
  selfHosted: true,
  isTicketUrl,
  read,
};
export default connectwise;

/** Test data (tests/unit/adapters.test.ts): only the default export is bundled. */
export const examples: TicketExample[] = [
  {
    url: 'https://na.myconnectwise.net/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=1042&companyName=northwind',
    ticketId: '1042',
  },
  {
    url: 'https://eu.myconnectwise.net/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=77',
    ticketId: '77',
  },
  {
    url: 'https://psa.northwind-it.example/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=5',
    ticketId: '5',
  },
  {
    url: 'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US#startscreen=sr100&recid=1042??ServiceTicket',
  },
];
export const nonExamples: string[] = [
  'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US',
  'https://na.myconnectwise.net/v4_6_release/services/system_io/Service/fv_sr100_request.rails',
  'https://na.myconnectwise.net/login',
];
