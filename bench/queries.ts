/**
 * A realistic query set with the intended answer of each: name prefixes, one-typo names,
 * domains, emails, multi-word names, campaign names, and words from notes.
 */
import { rng, type BenchData } from './data';

export type QueryKind = 'prefix' | 'typo' | 'domain' | 'email' | 'multiword' | 'campaign' | 'note';
export interface Query {
  text: string;
  kind: QueryKind;
  /** The record the user is looking for (an account, a campaign or a note id). */
  want: string;
}

function typo(r: () => number, word: string): string {
  const i = 1 + Math.floor(r() * (word.length - 2));
  const ops = [
    () => word.slice(0, i) + word.slice(i + 1), // deletion
    () => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), // transposition
    () => word.slice(0, i) + 'x' + word.slice(i + 1), // substitution
  ];
  return ops[Math.floor(r() * ops.length)]!();
}

export function makeQueries(data: BenchData, count = 500, seed = 11): Query[] {
  const r = rng(seed);
  const out: Query[] = [];
  const kinds: QueryKind[] = ['prefix', 'typo', 'domain', 'email', 'multiword', 'campaign', 'note'];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const a = data.accounts[Math.floor(r() * data.accounts.length)]!;
    const words = a.name.split(' ');
    if (kind === 'prefix') out.push({ kind, text: a.name.slice(0, 3 + Math.floor(r() * 8)), want: a.id });
    else if (kind === 'typo') {
      const w = words.findIndex((x) => x.length >= 5);
      const t = [...words];
      if (w >= 0) t[w] = typo(r, t[w]!);
      out.push({ kind, text: t.slice(0, 3).join(' '), want: a.id });
    } else if (kind === 'domain')
      out.push({ kind, text: r() < 0.5 ? a.domains[0]! : a.domains[0]!.split('.')[0]!, want: a.id });
    else if (kind === 'email') out.push({ kind, text: data.emailsByAccount.get(a.id)![0]!, want: a.id });
    else if (kind === 'multiword') out.push({ kind, text: `${words[0]} ${words[2]}`, want: a.id });
    else if (kind === 'campaign') {
      const c = data.campaigns[Math.floor(r() * data.campaigns.length)]!;
      out.push({ kind, text: c.name.split(' ').slice(0, 4).join(' '), want: c.id });
    } else {
      const n = data.notes[Math.floor(r() * data.notes.length)]!;
      const tail = n.body.split(' ').pop()!;
      out.push({ kind, text: `${n.body.split(' ').slice(2, 4).join(' ')} ${tail}`, want: n.id });
    }
  }
  return out;
}
