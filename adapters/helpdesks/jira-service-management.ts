import type { AdapterReading, HelpdeskAdapter, TicketExample } from '../types';
import { byLabel, clean, first, splitContact, valueOf, finish } from '../dom';
import { openedFromApi } from '../ticket-words';

/**
 * Jira Service Management (Atlassian cloud). The issue key is in the URL; the reporter comes
 * from the service desk API (/rest/servicedeskapi/request/{key}), the customer's organization
 * from the "Organizations" field on the page.
 */
const KEY = /^[A-Z][A-Z0-9_]{0,19}-\d{1,9}$/;
function keyOf(url: URL): string | undefined {
  const segs = url.pathname.split('/').filter(Boolean);
  if (segs[0] === 'browse' && segs.length === 2 && KEY.test(segs[1]!)) return segs[1];
  if (segs[0] === 'jira' && segs[1] === 'servicedesk' && segs[2] === 'projects') {
    const last = segs[segs.length - 1]!;
    if (KEY.test(last)) return last;
    const selected = url.searchParams.get('selectedIssue');
    if (selected && KEY.test(selected)) return selected;
  }
  return undefined;
}

function read(doc: Document, url: URL): AdapterReading {
  const panel =
    first(doc, [
      '[data-testid="issue.views.issue-details.issue-layout.right-sidebar"]',
      '[data-testid*="issue-layout.container-right"]',
      'aside',
    ]) ?? doc.body;
  const org =
    first(panel, [
      '[data-testid*="organization"] [data-testid*="field-inline-edit-state.read-view"]',
      '[data-testid*="organization"] a',
    ]) ?? byLabel(panel, ['Organizations', 'Organization', 'Organisations']);
  const reporterEl =
    first(panel, ['[data-testid*="reporter"] [data-testid*="read-view"]']) ??
    byLabel(panel, ['Reporter', 'Request participants']);
  const reporter = splitContact(valueOf(reporterEl));
  return finish({
    ticketId: keyOf(url),
    company: clean(org?.textContent).replace(/^None$/i, '') || undefined,
    contactName: reporter.name,
    contactEmail: reporter.email,
  });
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

const jiraServiceManagement: HelpdeskAdapter = {
  id: 'jira-service-management',
  name: 'Jira Service Management',
  hosted: ['https://*.atlassian.net/*'],
  selfHosted: false,
  isTicketUrl: (url) => !!keyOf(url),
  read,
  async readApi(_url, reading, getJson) {
    if (!reading.ticketId) return {};
    const r = (await getJson(`/rest/servicedeskapi/request/${reading.ticketId}`)) as {
      reporter?: Record<string, unknown>;
      createdDate?: { epochMillis?: unknown };
    } | null;
    // CustomerRequestDTO.createdDate, a DateDTO: epochMillis beside iso8601 ("+0700", no colon) and friendly.
    const openedAt = openedFromApi(r?.createdDate?.epochMillis);
    const reporter = r?.reporter;
    if (!reporter || typeof reporter !== 'object') return openedAt ? { openedAt } : {};
    return { contactName: str(reporter.displayName), contactEmail: str(reporter.emailAddress), openedAt };
  },
};
export default jiraServiceManagement;

/** Test data (tests/unit/adapters.test.ts): only the default export is bundled. */
export const examples: TicketExample[] = [
  { url: 'https://northwind.atlassian.net/browse/HELP-1042', ticketId: 'HELP-1042' },
  {
    url: 'https://northwind.atlassian.net/jira/servicedesk/projects/HELP/queues/custom/1/HELP-1042',
    ticketId: 'HELP-1042',
  },
  { url: 'https://northwind.atlassian.net/jira/servicedesk/projects/HELP/issues/HELP-7', ticketId: 'HELP-7' },
];
export const nonExamples: string[] = [
  'https://northwind.atlassian.net/jira/servicedesk/projects/HELP/queues/custom/1',
  'https://northwind.atlassian.net/browse/HELP',
  'https://northwind.atlassian.net/wiki/spaces/IT/pages/1',
];
