/**
 * Backup: every record and pin as one JSON file, restorable without loss. A backup is checked
 * field by field before it is restored, because it may have been edited by hand or come from
 * another version.
 */
import * as z from 'zod/mini';
import type { Account, AnyRecord, Campaign, Contact, Deal, Note, RecordSet } from '@/core/model';
import type { BackstoryDB, Pin } from '@/storage/db';
import { allRecords, salesTables } from '@/storage/record-store';
import { isForbiddenKey } from './values';
import { msg, type ImportMessage } from '@/core/import-message';
import { backupRecipesSchema, storedRecipe } from '@/core/recipe-schema';
import type { SavedRecipe } from '@/core/recipe';

const BACKUP_FORMAT = 'backstory-backup';
const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  records: RecordSet;
  pins: Pin[];
  /**
   * The sites' reading recipes ("show me where") by origin: the technician's own, not those the
   * organisation's policy sets (its policy brings them). Written only when there is one, so a
   * backup without recipes still imports into a Backstory from before recipes.
   */
  recipes?: Record<string, SavedRecipe>;
}

/** Why a backup was refused: an English message for logs, and its code for the user's language. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly problem: ImportMessage,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/**
 * Everything in the database, as a backup, with the sites' recipes (storage/sites.ts recipesItem,
 * read by the caller: this module also runs in the import worker, which has no extension storage).
 * Derived index keys are left out and rebuilt on restore.
 */
export async function exportBackup(
  db: BackstoryDB,
  siteRecipes: Record<string, SavedRecipe> = {},
): Promise<BackupFile> {
  const backup: BackupFile = await db.transaction('r', [...salesTables(db), db.pins], async () => {
    const [stored, contacts, campaigns, deals, notes, pins] = await Promise.all([
      allRecords(db, 'account'),
      allRecords(db, 'contact'),
      allRecords(db, 'campaign'),
      allRecords(db, 'deal'),
      allRecords(db, 'note'),
      db.pins.toArray(),
    ]);
    const accounts = stored.map(({ nameKey: _n, aliasKeys: _a, ...account }) => account);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      records: { accounts, contacts, campaigns, deals, notes },
      pins,
    };
  });
  const recipes = ownRecipes(siteRecipes);
  return Object.keys(recipes).length ? { ...backup, recipes } : backup;
}

/** The technician's own recipes as a backup keeps them (the organisation's are left out). */
function ownRecipes(all: Record<string, SavedRecipe>): Record<string, SavedRecipe> {
  const out: Record<string, SavedRecipe> = {};
  for (const [origin, recipe] of Object.entries(all)) if (!recipe.managed) out[origin] = storedRecipe(recipe);
  return out;
}

export function serializeBackup(backup: BackupFile): string {
  return JSON.stringify(backup, null, 1);
}

/** JSON.parse that refuses "__proto__"/"constructor" keys and says on which line a syntax error is. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (isForbiddenKey(key))
        throw new BackupError(`key ${JSON.stringify(key)} is not allowed`, msg('keyNotAllowed', JSON.stringify(key)));
      return value;
    });
  } catch (e) {
    if (e instanceof BackupError) throw e;
    // Engines differ: V8 may give "position N", Firefox "line N column M", or neither.
    const said = String(e);
    const pos = /position (\d+)/.exec(said)?.[1];
    const line =
      pos !== undefined ? text.slice(0, +pos).split('\n').length : Number(/line (\d+)/.exec(said)?.[1]) || undefined;
    const why = (e as Error).message;
    throw new BackupError(
      `not valid JSON${line ? ` (line ${line})` : ''}: ${why}`,
      line ? msg('notJsonLine', String(line), why) : msg('notJson', why),
      line,
    );
  }
}

const str = z.string();
const opt = z.optional(str);
const sourced = { id: str, source: str, sourceId: str };
const accountSchema = z.strictObject({
  ...sourced,
  name: str,
  aliases: z.array(str),
  domains: z.array(str),
  externalIds: z.record(str, str),
  industry: opt,
  leadSource: opt,
  customerSince: opt,
  owner: opt,
});
const contactSchema = z.strictObject({
  ...sourced,
  accountId: opt,
  name: str,
  email: str,
  role: opt,
  title: opt,
  phone: opt,
  leadSource: opt,
});
const campaignSchema = z.strictObject({
  ...sourced,
  name: str,
  channel: str,
  startDate: opt,
  endDate: opt,
  cost: z.optional(z.number()),
  currency: opt,
  owner: opt,
});
const dealSchema = z.strictObject({
  ...sourced,
  accountId: str,
  campaignId: opt,
  leadSource: opt,
  name: str,
  valueOneTime: z.optional(z.number()),
  valueRecurring: z.optional(z.number()),
  currency: str,
  stage: str,
  won: z.optional(z.boolean()),
  closeDate: opt,
  salesRep: opt,
  productsSold: opt,
  promises: z.array(str),
});
const noteSchema = z.strictObject({
  ...sourced,
  accountId: opt,
  dealId: opt,
  author: str,
  date: str,
  body: str,
  tags: z.array(str),
  pinned: z.boolean(),
});
const pinSchema = z.strictObject({ key: str, accountId: str, createdAt: str });
const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: str,
  records: z.strictObject({
    accounts: z.array(accountSchema),
    contacts: z.array(contactSchema),
    campaigns: z.array(campaignSchema),
    deals: z.array(dealSchema),
    notes: z.array(noteSchema),
  }),
  pins: z.array(pinSchema),
  // Checked like any recipe from outside the picker (core/recipe-schema.ts): one bad recipe
  // refuses the whole backup, as one bad record does.
  recipes: z.optional(backupRecipesSchema),
});

// Compile-time guard: a model field added without updating the schemas above fails type checking.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchModel: [
  Same<z.infer<typeof accountSchema>, Account>,
  Same<z.infer<typeof contactSchema>, Contact>,
  Same<z.infer<typeof campaignSchema>, Campaign>,
  Same<z.infer<typeof dealSchema>, Deal>,
  Same<z.infer<typeof noteSchema>, Note>,
  Same<z.infer<typeof pinSchema>, Pin>,
] = [true, true, true, true, true, true];
void schemasMatchModel;

/** Check a parsed backup in full; the error names the first few bad fields by path. */
export function validateBackup(value: unknown): BackupFile {
  const v = value as { format?: unknown; version?: unknown } | null;
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    throw new BackupError('not a Backstory backup: expected a JSON object', msg('notBackupObject'));
  if (v.format !== BACKUP_FORMAT) {
    const found = JSON.stringify(v.format) ?? 'missing';
    throw new BackupError(
      `not a Backstory backup: "format" is ${found}, expected "${BACKUP_FORMAT}"`,
      msg('notBackupFormat', found, BACKUP_FORMAT),
    );
  }
  if (v.version !== BACKUP_VERSION) {
    const newer = typeof v.version === 'number' && v.version > BACKUP_VERSION;
    throw new BackupError(
      newer
        ? `this backup is version ${v.version}, newer than this Backstory reads (${BACKUP_VERSION}); update the extension`
        : `unsupported backup version ${JSON.stringify(v.version)} (expected ${BACKUP_VERSION})`,
      newer
        ? msg('backupNewer', String(v.version), String(BACKUP_VERSION))
        : msg('backupVersion', String(JSON.stringify(v.version)), String(BACKUP_VERSION)),
    );
  }
  const result = backupSchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues;
    const listed = issues.slice(0, 5).map((i) => `${pathText(i.path)}: ${issueText(i, valueAt(value, i.path))}`);
    const detail = `${listed.join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`;
    throw new BackupError(`invalid backup: ${detail}`, msg('invalidBackup', detail));
  }
  const backup = result.data as BackupFile;
  for (const [kind, list] of Object.entries(backup.records) as [string, AnyRecord[]][]) {
    const ids = new Set<string>();
    list.forEach((r, i) => {
      if (r.id !== `${r.source}:${r.sourceId}`)
        invalid(`records.${kind}[${i}].id is "${r.id}", expected "${r.source}:${r.sourceId}"`);
      if (ids.has(r.id)) invalid(`records.${kind}[${i}].id "${r.id}" appears twice`);
      ids.add(r.id);
    });
  }
  return backup;
}

function invalid(detail: string): never {
  throw new BackupError(`invalid backup: ${detail}`, msg('invalidBackup', detail));
}

type Issue = z.core.$ZodIssue;
function pathText(path: PropertyKey[]): string {
  const step = (p: PropertyKey, i: number) =>
    typeof p === 'number'
      ? `[${p}]`
      : typeof p === 'string' && !/^[A-Za-z_$][\w$]*$/.test(p)
        ? `[${JSON.stringify(p)}]` // a recipe's origin: recipes["https://desk.example.com"]
        : i
          ? `.${String(p)}`
          : String(p);
  return path.map(step).join('') || '(top level)';
}
function valueAt(root: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    root,
  );
}
function issueText(issue: Issue, actual: unknown): string {
  const found =
    actual === undefined
      ? 'missing'
      : `found ${Array.isArray(actual) ? 'array' : actual === null ? 'null' : typeof actual}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, ${found}`;
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  if (issue.code === 'invalid_value') return `expected ${issue.values.map((x) => JSON.stringify(x)).join(' or ')}`;
  return issue.message;
}
