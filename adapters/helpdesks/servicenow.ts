import type { AdapterReading, HelpdeskAdapter, TicketExample } from '../types';
import { clean, param, valueOf, finish } from '../dom';

/**
 * ServiceNow incident form (classic UI16 form ids, as henderson2k/sn reads them). The URL has a
 * sys_id, not the number: the INC number is read from the form. The classic form often sits in
 * the #gsft_main iframe of the navigation frame; Backstory's content script runs in the top
 * frame only, so open the incident in its own tab (incident.do) to see the sidebar.
 */
const SYS_ID = /^[0-9a-f]{32}$/i;
function formUrl(url: URL): URL | undefined {
  if (/\/incident\.do$/i.test(url.pathname)) return url;
  if (/\/nav_to\.do$/i.test(url.pathname)) {
    const uri = url.searchParams.get('uri');
    return uri ? new URL(uri, url.origin) : undefined;
  }
  const m = /\/now\/nav\/ui\/classic\/params\/target\/(.+)$/i.exec(url.pathname);
  if (m) {
    try {
      return new URL('/' + decodeURIComponent(m[1]!), url.origin);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
const isTicketUrl = (url: URL) => {
  const f = formUrl(url);
  return !!f && /\/incident\.do$/i.test(f.pathname) && SYS_ID.test(param(f, 'sys_id') ?? '');
};

function read(doc: Document, url: URL): AdapterReading {
  const byId = (id: string) => doc.getElementById(id);
  const number = valueOf(byId('sys_readonly.incident.number') ?? byId('incident.number'));
  const company = valueOf(byId('sys_display.incident.company'));
  const caller = valueOf(byId('sys_display.incident.caller_id'));
  const email = valueOf(byId('sys_readonly.incident.caller_id.email') ?? byId('incident.caller_id.email'));
  const f = formUrl(url);
  return finish({
    ticketId: /^[A-Z]{2,5}\d{3,12}$/.test(number) ? number : f ? param(f, 'sys_id') : undefined,
    company: company || undefined,
    contactName: clean(caller) || undefined,
    contactEmail: email || undefined,
  });
}

const servicenow: HelpdeskAdapter = {
  id: 'servicenow',
  name: 'ServiceNow',
  hosted: ['https://*.service-now.com/*'],
  selfHosted: false,
  isTicketUrl,
  read,
};
export default servicenow;

/** Test data (tests/unit/adapters.test.ts): only the default export is bundled. */
export const examples: TicketExample[] = [
  { url: 'https://northwind.service-now.com/incident.do?sys_id=9d385017c611228701d22104cc95c371' },
  { url: 'https://northwind.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3D9d385017c611228701d22104cc95c371' },
  {
    url: 'https://northwind.service-now.com/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D9d385017c611228701d22104cc95c371',
  },
];
export const nonExamples: string[] = [
  'https://northwind.service-now.com/incident_list.do',
  'https://northwind.service-now.com/incident.do?sys_id=-1',
  'https://northwind.service-now.com/nav_to.do?uri=home.do',
];
