import type { MatchIndex } from '@/core/match';
import { normalizeCompany } from '@/core/normalize';
import { makeSampleData } from '@/sources/sample-data';

/** The sample data's accounts, with the keys the matcher looks them up by. */
export const sampleAccounts = makeSampleData().accounts.map((a) => ({
  ...a,
  nameKey: normalizeCompany(a.name),
  aliasKeys: [a.name, ...a.aliases].map(normalizeCompany),
}));
const contacts = makeSampleData().contacts;

/** A match index over the sample data, in memory (for tests that match pages without a database). */
export const sampleMatchIndex: MatchIndex = {
  accountIdsByContactEmail: async (e) =>
    contacts.filter((c) => c.email?.toLowerCase() === e && c.accountId).map((c) => c.accountId!),
  accountIdsByDomain: async (d) => sampleAccounts.filter((a) => a.domains.includes(d)).map((a) => a.id),
  accountIdsByNameKey: async (k) => sampleAccounts.filter((a) => a.nameKey === k).map((a) => a.id),
  accountIdsByAliasKey: async (k) => sampleAccounts.filter((a) => a.aliasKeys.includes(k)).map((a) => a.id),
  getAccounts: async (ids) => sampleAccounts.filter((a) => ids.includes(a.id)).map(({ id, name }) => ({ id, name })),
  getPin: async () => undefined,
};
