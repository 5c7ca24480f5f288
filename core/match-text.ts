/**
 * The last step of matching: which account the ticket's visible text names, when its fields named
 * none (core/page-scan.ts finds every known name in the text; core/match.ts does the fields).
 */
import type { Account } from './model';
import type { MatchMethod, MatchResult, ReasonPart, TextEvidence, TextHitKind } from './match';

/** One mention found in the text (the shape of core/page-scan.ts's PageHit). */
export interface TextHit {
  accountIds: readonly string[];
  kind: TextHitKind;
  start: number;
  end: number;
  pattern: string;
}

export interface TextIndex {
  /** Every known account name, alias, domain and contact email in the text. */
  scan(text: string): Promise<TextHit[]>;
  getAccounts(ids: string[]): Promise<Pick<Account, 'id' | 'name'>[]>;
}

/** Stronger evidence first: a contact's address, then a domain, then the name, then an alias. */
const TEXT_STRENGTH: Record<TextHitKind, number> = { email: 4, domain: 3, name: 2, alias: 1 };
const TEXT_PART: Record<TextHitKind, ReasonPart['what']> = {
  email: 'contactEmail',
  domain: 'domain',
  name: 'name',
  alias: 'alias',
};
const TEXT_WHAT: Record<TextHitKind, string> = { email: 'contact email ', domain: 'domain ', name: '', alias: '' };

/**
 * Which account the ticket's text names, when its fields named none. Accounts are ranked by
 * their strongest mention (contact email > domain > name > alias), then by how often they are
 * mentioned; a mention inside a longer one ("Acme" in "Acme Dental Group", a domain inside an
 * email) does not count. One clear winner is a match of low (name, alias) or medium (email,
 * domain) confidence; several equally strong are ambiguous. Undefined when the text names none.
 */
export async function matchTicketText(text: string, index: TextIndex): Promise<MatchResult | undefined> {
  if (!text) return undefined;
  const hits = outermost(await index.scan(text));
  if (!hits.length) return undefined;
  const existing = new Map(
    (await index.getAccounts([...new Set(hits.flatMap((h) => h.accountIds))])).map((a) => [a.id, a.name]),
  );
  const byAccount = new Map<string, { best: TextHit; strength: number; mentions: number }>();
  for (const hit of hits) {
    const strength = TEXT_STRENGTH[hit.kind];
    for (const id of new Set(hit.accountIds)) {
      if (!existing.has(id)) continue;
      const seen = byAccount.get(id);
      if (!seen) byAccount.set(id, { best: hit, strength, mentions: 1 });
      else {
        seen.mentions++;
        if (strength > seen.strength) Object.assign(seen, { best: hit, strength });
      }
    }
  }
  if (!byAccount.size) return undefined;
  const ranked = [...byAccount].sort(([, a], [, b]) => b.strength - a.strength || b.mentions - a.mentions);
  const [, top] = ranked[0]!;
  const tied = ranked.filter(([, e]) => e.strength === top.strength && e.mentions === top.mentions);
  const candidates = tied
    .map(([id]) => ({ accountId: id, name: existing.get(id)! }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId));
  const kind = top.best.kind;
  const evidence: TextEvidence = { kind, value: top.best.pattern, mentions: top.mentions };
  const part: ReasonPart = { what: TEXT_PART[kind], value: top.best.pattern };
  const method: MatchMethod = kind;
  if (tied.length > 1) {
    const parts = [
      ...new Map(
        tied.map(([, e]) => [e.best.pattern, { what: TEXT_PART[e.best.kind], value: e.best.pattern }]),
      ).values(),
    ];
    return {
      status: 'ambiguous',
      candidates,
      method,
      confidence: 'low',
      text: evidence,
      reason: `${tied.length} accounts are named in the ticket text`,
      explain: { kind: 'ambiguous', count: tied.length, parts },
    };
  }
  return {
    status: 'matched',
    account: candidates[0]!.accountId,
    candidates,
    method,
    text: evidence,
    confidence: top.strength >= TEXT_STRENGTH.domain ? 'medium' : 'low',
    reason: `found ${TEXT_WHAT[kind]}"${top.best.pattern}" in the ticket text`,
    explain: { kind: 'matched', parts: [part] },
  };
}

/** The hits not inside a longer hit (the scanner finds "Acme" within "Acme Dental Group" too). */
function outermost(hits: readonly TextHit[]): TextHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextHit[] = [];
  let reach = -1;
  for (const h of sorted) {
    const last = kept[kept.length - 1];
    // Inside an earlier, longer hit; the same span again (a name that is also an alias) is kept.
    if (h.end <= reach && !(last && last.start === h.start && last.end === h.end)) continue;
    kept.push(h);
    reach = Math.max(reach, h.end);
  }
  return kept;
}
