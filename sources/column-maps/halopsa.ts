/**
 * HaloPSA's column names, the `halopsa` preset (its headers and where each comes from).
 *
 * Where the headers come from:
 * - Halo's spreadsheet import heads each column with the API's field name: "the API field names
 *   are required for the header for the spreadsheet" (Halo guide "Importing Additional Fields via
 *   CSV", halopsa.com/guides/article?kbid=1479, also haloitsm.com; its example import sheets are
 *   described in "Client, Sites & Users Import - CSV/XLS/Spreadsheet Method", usehalo.com/guides/2850).
 *   A file laid out for Halo's import, or a Halo report whose columns are named after the fields,
 *   therefore carries these names.
 * - The field names themselves: Halo's OpenAPI description "Halo API v2" as copied into
 *   github.com/covenanttechnologysolutions/halopsa-rest generator/spec/swagger.json at 0f2fc62
 *   (the same source as tests/mock-apis/halopsa-contract.ts): the models Area (a client), Users
 *   (a client's contact), Faults (a ticket; an opportunity is one) and AreaNote (a CRM note).
 * Not found in any source: the headers of a HaloPSA list exported from its screens (they are the
 * columns each instance's list shows, under its own labels), a campaign field, and a won flag
 * (whether an opportunity was won is read from its status name, `status_name`, as the stage).
 */
import type { PresetColumns } from './fields';

/** Field -> Halo's column names, per kind (only fields Halo has a column for). */
export const HALOPSA: PresetColumns = {
  // Area: id, name, website, toplevel_name (the client's top level), accountmanagertech_name,
  // datecreated, notes.
  account: {
    id: ['id'],
    name: ['name'],
    website: ['website'],
    industry: ['toplevel_name'],
    owner: ['accountmanagertech_name', 'salesreptech_name'],
    notes: ['notes'],
    createDate: ['datecreated'],
  },
  // Users: id, name, firstname, surname, emailaddress, phonenumber, title, client_id, client_name.
  contact: {
    id: ['id'],
    accountId: ['client_id'],
    accountName: ['client_name'],
    name: ['name'],
    firstName: ['firstname'],
    lastName: ['surname'],
    email: ['emailaddress'],
    title: ['title'],
    phone: ['phonenumber'],
  },
  campaign: {},
  // Faults (an opportunity): summary, details, client_id, client_name, agent_name, status_name,
  // oppvalue, opphear ("how did you hear about us"), dateclosed, oppconverteddate, targetdate,
  // oppproductchosen, datecreated.
  deal: {
    id: ['id'],
    accountId: ['client_id'],
    accountName: ['client_name'],
    name: ['summary'],
    leadSource: ['opphear'],
    valueOneTime: ['oppvalue'],
    stage: ['status_name'],
    closeDate: ['dateclosed', 'oppconverteddate'],
    expectedCloseDate: ['targetdate'],
    salesRep: ['agent_name'],
    productsSold: ['oppproductchosen'],
    description: ['details'],
    createDate: ['datecreated'],
  },
  // AreaNote: id, client_id, note, detail (its subject), datetime.
  note: {
    id: ['id'],
    accountId: ['client_id'],
    title: ['detail'],
    body: ['note'],
    date: ['datetime'],
  },
};
