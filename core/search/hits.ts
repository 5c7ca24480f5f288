/** Result lines: from an index match to the title and plain-text subtitle the popup shows. */
import type { MatchedOn, MatchQuality, SearchHit } from './types';
import { FIELDS, KINDS, SLOTS, type DocMatch, type Field, type NameIndexData } from './name-index';
import type { NoteIndexData, NoteMatch } from './note-index';
import { stringAt } from './packed';
import { termAt } from './lexicon';
import { snippet, SNIPPET_CHARS } from './snippet';
import { termsOf } from './text';

/** How subtitles name what a hit was found by; the popup passes its language's wording. */
export interface SearchLabels {
  contact: (who: string) => string;
  alias: (name: string) => string;
  sold: (what: string) => string;
  rep: (who: string) => string;
}
export const ENGLISH_LABELS: SearchLabels = {
  contact: (who) => `Contact: ${who}`,
  alias: (name) => `Also known as ${name}`,
  sold: (what) => `Sold: ${what}`,
  rep: (who) => `Sales rep: ${who}`,
};

const MATCHED_ON: Record<Field, MatchedOn> = {
  name: 'name',
  alias: 'alias',
  domain: 'domain',
  contact: 'contact',
  email: 'email',
  channel: 'channel',
  products: 'products',
  rep: 'sales rep',
};

function clip(text: string, max: number): string {
  const t = text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
const join = (...parts: (string | undefined)[]) => clip(parts.filter(Boolean).join(' · '), SNIPPET_CHARS);
const lines = (s: string) => (s ? s.split('\n') : []);

function quality(m: DocMatch): MatchQuality {
  if (m.tier === 0) return 'exact';
  if (m.tier <= 2) return m.qualities.every((q) => q === 0) ? 'exact' : 'prefix';
  return m.tier === 3 ? 'fuzzy' : 'partial';
}

/** The value among `values` whose terms include the most of `matched` (e.g. which alias hit). */
function whichValue(values: string[], matched: string[]): string | undefined {
  let bestValue: string | undefined;
  let bestCount = 0;
  for (const v of values) {
    const terms = new Set(termsOf(v));
    const count = matched.filter((t) => terms.has(t)).length;
    if (count > bestCount) {
      bestCount = count;
      bestValue = v;
    }
  }
  return bestValue ?? values[0];
}

export function nameHit(index: NameIndexData, m: DocMatch, labels: SearchLabels): SearchHit {
  const doc = m.doc;
  const kind = KINDS[index.kinds[doc]!]!;
  const slot = (k: number) => stringAt(index.slots, doc * SLOTS + k);
  const id = stringAt(index.ids, doc);
  const accountId = stringAt(index.accountIds, doc);
  const title = stringAt(index.titles, doc);
  const base = { score: m.score, matchedOn: MATCHED_ON[m.field], quality: quality(m) };
  const matchedIn = (field: Field) => {
    const code = FIELDS.indexOf(field);
    return m.matchedTerms.filter((v) => (v & 15) === code).map((v) => termAt(index.lexicon, (v - (v & 15)) / 16));
  };
  switch (kind) {
    case 'account': {
      const [industry, domains, aliases] = [slot(0), lines(slot(1)), lines(slot(2))];
      if (m.field === 'contact' || m.field === 'email') {
        // Which contact: the one whose name and email hold the most of the matched words.
        const contacts = lines(slot(3)).map((line) => line.split('\t'));
        const matched = [...matchedIn('contact'), ...matchedIn('email')];
        const best = whichValue(
          contacts.map((c) => `${c[1] ?? ''} ${c[2] ?? ''}`),
          matched,
        );
        const c = contacts.find((x) => `${x[1] ?? ''} ${x[2] ?? ''}` === best) ?? [];
        const [contactId = '', name = '', email = '', role = ''] = c;
        const subtitle = join(labels.contact(`${name || email}${name && email ? ` <${email}>` : ''}`), role);
        return { id, kind: 'account', title, subtitle, accountId: id, ...(contactId ? { contactId } : {}), ...base };
      }
      const subtitle =
        m.field === 'alias'
          ? join(labels.alias(whichValue(aliases, matchedIn('alias')) ?? ''), industry)
          : m.field === 'domain'
            ? join(whichValue(domains, matchedIn('domain')), industry)
            : join(industry, domains[0]);
      return { id, kind: 'account', title, subtitle, accountId: id, ...base };
    }
    case 'campaign':
      return { id, kind: 'campaign', title, subtitle: join(slot(0), slot(1)), ...base };
    case 'deal': {
      const detail = m.field === 'products' ? labels.sold(slot(1)) : m.field === 'rep' ? labels.rep(slot(2)) : slot(0);
      return { id, kind: 'deal', title, subtitle: join(slot(3), detail), ...(accountId ? { accountId } : {}), ...base };
    }
  }
}

export function noteHit(index: NoteIndexData, m: NoteMatch, terms: string[]): SearchHit {
  const n = m.note;
  const accountId = stringAt(index.accountIds, n);
  const about = stringAt(index.about, n) || 'Note';
  const byline = [stringAt(index.authors, n), stringAt(index.dates, n).slice(0, 10)].filter(Boolean).join(', ');
  return {
    id: stringAt(index.ids, n),
    kind: 'note',
    title: byline ? `${about} · ${byline}` : about,
    subtitle: snippet(stringAt(index.bodies, n), [], terms),
    ...(accountId ? { accountId } : {}),
    score: m.score,
    matchedOn: 'note text',
    quality: m.exact ? 'exact' : 'prefix',
  };
}
