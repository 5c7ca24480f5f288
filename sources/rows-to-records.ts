/**
 * One mapped row -> one typed record of its kind, plus the references to resolve at commit.
 * Rows without an id get a stable one derived from what identifies them (an account's normalised
 * name, a deal's name and account...), so importing the same file again updates, not duplicates.
 */
import {
  recordId,
  type Account,
  type AnyRecord,
  type Campaign,
  type Contact,
  type Deal,
  type Note,
  type RecordKind,
} from '@/core/model';
import { isWonStage } from '@/core/backstory';
import { normalizeCompany } from '@/core/normalize';
import { CRM_PRESETS, type Preset } from './column-maps';
import { Cells, type RowSource } from './cells';
import { msg, type ErrorList, type ImportMessage, type Ref, type RowMeta } from './import-types';
import { stableHash } from './values';

/** Lower case, single spaces: how deal and campaign names are compared. */
export function nameKey(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The sourceId of a row that has no id column; `key` is what identifies it. */
export function derivedSourceId(kind: RecordKind, key: string): string {
  return `h-${stableHash(`${kind}\u0000${key}`)}`;
}

/**
 * Drop undefined optional fields so stored records and backups carry no empty keys. A copy, not
 * `delete`: V8 turns an object whose keys were deleted into a slow dictionary, and every later
 * copy, spread and structured clone of 100k such records (the import's) pays for it.
 */
function compact<T extends object>(o: T): T {
  const out = {} as T;
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

interface Built {
  record: AnyRecord;
  meta: RowMeta;
  /** Whether sourceId came from the file (true) or was derived from the content. */
  ownId: boolean;
  /** The column duplicates are reported on. */
  keyField: string;
  /** Free text of the row that becomes sales notes on the record, with their author and date. */
  texts?: { field: string; body: string }[];
  author?: string;
  date?: string;
}

/** The free-text columns of accounts and deals that become sales notes (description, a deal's note). */
const TEXT_NOTE_FIELDS = ['description', 'notes'] as const;

/** "Original Source / Data 1 / Data 2" in one line, each part once. */
const joinSource = (parts: (string | undefined)[]) =>
  [...new Set(parts.filter((p): p is string => !!p))].join(' / ') || undefined;

export class RecordBuilder {
  readonly records: AnyRecord[] = [];
  readonly rows: RowMeta[] = [];
  readonly textNotes: Note[] = [];
  readonly textNoteRows: RowMeta[] = [];
  private readonly seen = new Map<string, number>();

  constructor(
    readonly kind: RecordKind,
    private readonly source: string,
    private readonly preset: Preset,
    private readonly errors: ErrorList,
    private readonly warn: (message: ImportMessage) => void,
  ) {}

  add(row: RowSource): void {
    const c = new Cells(row, this.errors);
    const built = this.build(c, row);
    if (!c.ok || !built) return;
    const { record, meta, ownId, keyField } = built;
    const first = this.seen.get(record.sourceId);
    if (first !== undefined) {
      const place = (n: number) => msg(row.item !== undefined ? 'itemN' : 'lineN', String(n));
      if (ownId) c.fail('id', msg('duplicateId', JSON.stringify(record.sourceId), place(first)));
      else if (this.kind === 'note') this.warn(msg('repeatsNote', place(row.item ?? row.line), place(first)));
      else c.fail(keyField, msg('sameRecord', msg(this.kind), place(first)));
      return;
    }
    this.seen.set(record.sourceId, row.item ?? row.line);
    this.records.push(record);
    this.rows.push(meta);
    for (const { field, body } of built.texts ?? []) this.addTextNote(record, meta, field, body, built);
  }

  /** A description (or a deal's note column) as a sales note on its account or deal. */
  private addTextNote(parent: AnyRecord, meta: RowMeta, field: string, body: string, built: Built): void {
    const sourceId = `${parent.sourceId}~${field}`;
    const note: Note = compact({
      id: recordId(this.source, sourceId),
      source: this.source,
      sourceId,
      accountId: this.kind === 'account' ? parent.id : undefined,
      author: built.author ?? '',
      date: built.date ?? '',
      body,
      tags: [],
      pinned: false,
    });
    // A deal's note takes the deal's account once the deal is resolved (storage/resolve-refs.ts).
    const noteMeta: RowMeta =
      this.kind === 'deal'
        ? compact({ line: meta.line, item: meta.item, deal: { id: parent.sourceId, column: '' } })
        : compact({ line: meta.line, item: meta.item });
    this.textNotes.push(note);
    this.textNoteRows.push(noteMeta);
  }

  private texts(c: Cells): { field: string; body: string }[] {
    const out: { field: string; body: string }[] = [];
    for (const field of TEXT_NOTE_FIELDS) {
      const body = c.text(field);
      if (body) out.push({ field, body });
    }
    return out;
  }

  private ids(c: Cells, key: () => string): { id: string; sourceId: string; source: string; ownId: boolean } {
    const own = c.text('id');
    const sourceId = own ?? derivedSourceId(this.kind, key());
    return { id: recordId(this.source, sourceId), source: this.source, sourceId, ownId: own !== undefined };
  }

  private ref(c: Cells, idField: string, nameField: string): Ref | undefined {
    const id = c.ref(idField);
    const name = c.text(nameField);
    if (id === undefined && name === undefined) return undefined;
    return compact({ id, name, column: c.has(idField) && id !== undefined ? c.column(idField) : c.column(nameField) });
  }

  private build(c: Cells, row: RowSource): Built | undefined {
    const meta: RowMeta = row.item !== undefined ? { line: row.line, item: row.item } : { line: row.line };
    // What a reference contributes to a derived id: the same account however its name is spelled.
    const refKey = (r: Ref | undefined, norm = normalizeCompany) =>
      r?.id ? `id:${r.id}` : r?.name ? `name:${norm(r.name)}` : '';
    switch (this.kind) {
      case 'account': {
        const name = c.need('name', msg('companyName'));
        const { ownId, ...ids } = this.ids(c, () => normalizeCompany(name) || nameKey(name));
        const externalIds = c.map('externalIds');
        if (ownId && CRM_PRESETS.includes(this.preset)) externalIds[this.preset] ??= ids.sourceId;
        const source = joinSource([c.text('leadSource'), c.text('leadSourceDetail'), c.text('leadSourceDetail2')]);
        const customerSince = c.date('customerSince');
        const record: Account = compact({
          ...ids,
          name,
          aliases: c.list('aliases'),
          domains: [...new Set([...c.domains('domains'), ...c.domains('website')])],
          externalIds,
          industry: c.text('industry'),
          leadSource: source,
          customerSince,
          owner: c.text('owner'),
        });
        const date = c.date('createDate', true) ?? customerSince;
        return { record, meta, ownId, keyField: 'name', texts: this.texts(c), author: record.owner, date };
      }
      case 'contact': {
        const first = c.text('firstName');
        const last = c.text('lastName');
        const name = c.text('name') ?? ([first, last].filter(Boolean).join(' ') || undefined);
        if (!name) c.fail(['name', 'firstName', 'lastName'].find((f) => c.has(f)) ?? 'name', msg('contactNameEmpty'));
        const email = c.email('email') ?? '';
        meta.account = this.ref(c, 'accountId', 'accountName');
        const leadSource = joinSource([c.text('leadSource'), c.text('leadSourceDetail'), c.text('leadSourceDetail2')]);
        if (meta.account && leadSource) meta.accountHints = { leadSource };
        const { ownId, ...ids } = this.ids(c, () =>
          email ? `email:${email}` : `name:${nameKey(name ?? '')}|${refKey(meta.account)}`,
        );
        const record: Contact = compact({
          ...ids,
          accountId: meta.account?.id ? recordId(this.source, meta.account.id) : undefined,
          name: name ?? '',
          email,
          role: c.text('role'),
          title: c.text('title'),
          phone: c.text('phone'),
          leadSource,
        });
        return { record, meta: compact(meta), ownId, keyField: c.has('name') ? 'name' : 'lastName' };
      }
      case 'campaign': {
        const name = c.need('name', msg('campaignName'));
        const cost = c.money('cost');
        const { ownId, ...ids } = this.ids(c, () => nameKey(name));
        const record: Campaign = compact({
          ...ids,
          name,
          channel: c.text('channel') ?? '',
          startDate: c.date('startDate'),
          endDate: c.date('endDate'),
          cost: cost?.value,
          currency: c.currency('currency') ?? cost?.currency,
          owner: c.text('owner'),
        });
        return { record, meta, ownId, keyField: 'name' };
      }
      case 'deal': {
        const name = c.need('name', msg('dealName'));
        meta.account = this.ref(c, 'accountId', 'accountName');
        if (!meta.account) c.fail(c.has('accountName') ? 'accountName' : 'accountId', msg('accountEmpty'));
        meta.campaign = this.ref(c, 'campaignId', 'campaignName');
        const once = c.money('valueOneTime');
        const recurring = c.money('valueRecurring');
        const status = c.text('stage');
        const detail = c.text('stageDetail');
        // An open opportunity says more by its pipeline stage than by "Open".
        let stage = (status && detail && /^open$/i.test(status) ? detail : (status ?? detail)) ?? '';
        // Salesforce's IsWon says it whatever the org named its won stage.
        if (c.bool('isWon') && !isWonStage(stage)) stage = 'Won';
        const closed = c.date('closeDate');
        const expected = c.date('expectedCloseDate');
        const leadSource = joinSource([c.text('leadSource'), c.text('leadSourceDetail'), c.text('leadSourceDetail2')]);
        if (meta.account && leadSource) meta.accountHints = { leadSource };
        const { ownId, ...ids } = this.ids(c, () => `${nameKey(name)}|${refKey(meta.account)}`);
        const record: Deal = compact({
          ...ids,
          accountId: meta.account?.id ? recordId(this.source, meta.account.id) : '',
          campaignId: meta.campaign?.id ? recordId(this.source, meta.campaign.id) : undefined,
          leadSource,
          name,
          valueOneTime: once?.value,
          valueRecurring: recurring?.value,
          currency: c.currency('currency') ?? once?.currency ?? recurring?.currency ?? 'USD',
          stage,
          closeDate: closed ?? expected,
          salesRep: c.text('salesRep'),
          productsSold: c.text('productsSold'),
          promises: c.list('promises'),
        });
        const date = c.date('createDate', true) ?? record.closeDate;
        const texts = this.texts(c);
        return { record, meta: compact(meta), ownId, keyField: 'name', texts, author: record.salesRep, date };
      }
      case 'note': {
        // A title (Salesforce, Zoho) heads the body; a note with a title alone is its title.
        const title = c.text('title');
        const text = title ? c.text('body') : c.need('body', msg('noteText'));
        const body = title && text ? `${title}\n${text}` : (text ?? title ?? '');
        meta.account = this.ref(c, 'accountId', 'accountName');
        meta.deal = this.ref(c, 'dealId', 'dealName');
        const parent = c.ref('parentId');
        if (parent) meta.parent = { id: parent, column: c.column('parentId') };
        const author = c.text('author') ?? '';
        const date = c.date('date', true) ?? '';
        const { ownId, ...ids } = this.ids(c, () =>
          // The parent's id only when there is one: notes derived before it existed keep their ids.
          [
            refKey(meta.account),
            refKey(meta.deal, nameKey),
            ...(meta.parent ? [refKey(meta.parent)] : []),
            date,
            author,
            body,
          ].join('\u0000'),
        );
        const record: Note = compact({
          ...ids,
          accountId: meta.account?.id ? recordId(this.source, meta.account.id) : undefined,
          dealId: meta.deal?.id ? recordId(this.source, meta.deal.id) : undefined,
          author,
          date,
          body,
          tags: c.list('tags'),
          pinned: c.bool('pinned') ?? false,
        });
        return { record, meta: compact(meta), ownId, keyField: 'body' };
      }
    }
  }
}
