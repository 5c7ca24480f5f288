/**
 * The indexes of the accounts ranked last, most recent first: the background ranks the same
 * account's texts again for each of its tickets, and reads them again only when they changed
 * (an index is used only for the very texts and products sold it was built from, so a change of
 * the data can never be answered from an old one). At most INDEXES_KEPT, and past
 * POSTINGS_KEPT postings in all the oldest are let go.
 */
import { forgetWords } from './text';
import { buildTextsIndex, type TextsIndex } from './texts-index';

interface Kept {
  texts: string[];
  productsSold: string[];
  index: TextsIndex;
}

const kept: Kept[] = [];
const INDEXES_KEPT = 8;
const POSTINGS_KEPT = 1_000_000;

const isFor = (k: Kept, texts: string[], productsSold: string[]): boolean =>
  texts.length === k.texts.length &&
  productsSold.length === k.productsSold.length &&
  productsSold.every((p, i) => p === k.productsSold[i]) &&
  texts.every((t, i) => t === k.texts[i]);

/** The index of these very texts kept in this worker, if it is (nothing is read or kept by asking). */
export function findKept(texts: string[], productsSold: string[]): TextsIndex | undefined {
  return kept.find((k) => isFor(k, texts, productsSold))?.index;
}

/**
 * The index of these texts: the one kept, else `saved` (an index the caller loaded, built from
 * these very texts), else read from the texts now. The one used is kept.
 */
export function keptIndex(texts: string[], productsSold: string[], saved?: TextsIndex): TextsIndex {
  const at = kept.findIndex((k) => isFor(k, texts, productsSold));
  if (at >= 0) {
    const found = kept[at]!;
    if (at > 0) {
      kept.splice(at, 1);
      kept.unshift(found);
    }
    return found.index;
  }
  const index = saved && saved.n === texts.length ? saved : buildTextsIndex(texts, productsSold);
  kept.unshift({ texts: [...texts], productsSold: [...productsSold], index });
  let postings = 0;
  for (let i = 0; i < kept.length; i++) {
    postings += kept[i]!.index.postDoc.length;
    if (i > 0 && (i >= INDEXES_KEPT || postings > POSTINGS_KEPT)) {
      kept.length = i;
      break;
    }
  }
  return index;
}

/** Forget every word and account index read (the benchmark and tests: a worker just started). */
export function forgetReadTexts(): void {
  kept.length = 0;
  forgetWords();
}

/** For tests: how many account indexes are kept. */
export const keptIndexes = (): number => kept.length;
