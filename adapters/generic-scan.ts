import { isSkipped } from './dom';
import { LABEL_AT_LINE } from './generic-fields';
import { NUMBER_NAME, NUMBER_START } from './generic-url';

/**
 * Finding the generic reader's few candidates cheaply, before any costly reading: one native
 * walk over the page's text nodes tests each one's text with precompiled expressions (a label
 * at a line's start, an "@", the start of a shown ticket number, whose badge or heading is then
 * looked for just above it); elements come from native queries (aria labels, mailto: links).
 * Only the candidates are then read, styled and checked for being customer text, so a page
 * costs about one look at each text node.
 */

/** A label's first word at the start of a text node (the usual case; LABEL_AT_LINE for the rest). */
const LABEL_AT_START = new RegExp(`^${LABEL_AT_LINE.source.replace('(?:^|\\n)', '')}`, 'i');
/** Either start (a label's, a shown number's) in one anchored test: most texts fail it at their first letter. */
const ANY_START = new RegExp(`^(?:${LABEL_AT_START.source.slice(1)}|${NUMBER_START.source.slice(1)})`, 'i');

/**
 * Whether `el` is customer text or hidden by its attributes, itself or through an ancestor below
 * `root` (isSkipped up the chain). Each element is asked once per reading, so asking for every
 * candidate costs at most one look at each element above them: linear, however deep the page.
 */
export function skipMemo(root: Node): (el: Element | null) => boolean {
  const known = new Map<Element, boolean>();
  const chain: Element[] = [];
  return (el) => {
    let inside = false;
    chain.length = 0;
    for (let e = el; e && e !== root; e = e.parentElement) {
      const k = known.get(e);
      if (k !== undefined) {
        inside = k;
        break;
      }
      chain.push(e);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      inside ||= isSkipped(chain[i]!);
      known.set(chain[i]!, inside);
    }
    return inside;
  };
}

/** Whether a text node's text may hold a label or an address: the walk's own test, for one text. */
export const isCandidateText = (value: string): boolean =>
  LABEL_AT_START.test(value) || (value.includes('\n') && LABEL_AT_LINE.test(value)) || value.includes('@');

/**
 * Elements whose arrival may add to a reading besides candidate text: labelled by attributes,
 * mailto: links, headings, and form controls (a label's control may sit anywhere, by its id).
 */
const ADDED_ELEMENTS =
  '[aria-label],[aria-labelledby],a[href^="mailto:" i],[role="heading" i],h1,h2,h3,input,select,textarea';
/** Elements that may be named for a ticket number (NUMBER_NAME decides). */
const MAYBE_NUMBER = '[class*="ticket" i],[id*="ticket" i]';
export const numberNamed = (el: Element): boolean =>
  NUMBER_NAME.test(el.id) || NUMBER_NAME.test(el.getAttribute('class') ?? '');

/** Whether `el`, changed in place (its attributes), is now one of the reader's candidates. */
export const isCandidateElement = (el: Element): boolean => el.matches(ADDED_ELEMENTS) || numberNamed(el);

/** Whether a change of text or children inside `el` may change the ticket number the page shows. */
export const isNumberPlace = (el: Element): boolean => isHeading(el) || numberNamed(el);
/** A heading that may show the ticket number: h1-h3 or role=heading. */
export const isHeading = (el: Element): boolean =>
  /^h[1-3]$/.test(el.localName) || el.getAttribute('role') === 'heading';

/**
 * Whether a part of the page just added (`node` and what it holds) holds anything the generic
 * reader reads: candidate text, a candidate element. Looks at most `budget.nodes` text nodes
 * (shared by the caller across one batch of changes): undefined when there are more (too
 * large to tell; the caller then reads the whole page).
 */
export function holdsCandidate(node: Node, budget: { nodes: number }): boolean | undefined {
  if (node.nodeType === 3) return --budget.nodes < 0 ? undefined : isCandidateText(node.nodeValue ?? '');
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (isCandidateElement(el) || el.querySelector(ADDED_ELEMENTS)) return true;
  for (const named of el.querySelectorAll(MAYBE_NUMBER)) {
    if (numberNamed(named)) return true;
    if (--budget.nodes < 0) return undefined;
  }
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (--budget.nodes < 0) return undefined;
    if (isCandidateText(n.nodeValue!)) return true;
  }
  return false;
}

/** A candidate text: the node, its text, and whether it may hold a label, an address, the start of a shown ticket number. */
export type Hit = [text: Text, value: string, label: boolean, email: boolean, number: boolean];
/** What a text pass found: whether it stopped early ("too large to read"), its hits, how many were labels or addresses. */
export type Scan = [tooLarge: boolean, hits: Hit[], candidates: number];

/** Text nodes walked between two looks at the clock when a walk runs in slices. */
const SLICE_NODES = 128;

/**
 * The candidate text nodes under `root`, in page order. Stops after `maxNodes` text nodes or
 * `maxCandidates` candidates (labels and addresses), saying so ("too large to read"). Texts that
 * start as a shown ticket number may ("#1042", "Ticket #1042") are kept, the first `maxNumbers`
 * of them only: a page's own number badge or heading comes among its first, and a list of
 * thousands of "#1234" links (related tickets) is not looked around. A generator, so that the
 * content script can walk a large page in slices (readInSlices): it pauses every SLICE_NODES
 * text nodes. If the page removed the place the walk stood on meanwhile, the walk starts again
 * and goes to its end at once (a page that keeps replacing itself is never walked forever).
 */
export function* candidateTexts(
  root: Element,
  maxNodes: number,
  maxCandidates: number,
  maxNumbers: number,
): Generator<void, Scan> {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const hits: Hit[] = [];
  let nodes = 0;
  let candidates = 0;
  let numbers = maxNumbers;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (++nodes > maxNodes) return [true, hits, candidates];
    if (nodes % SLICE_NODES === 0) {
      yield;
      if (!root.contains(n)) return walkAll(candidateTexts(root, maxNodes, maxCandidates, maxNumbers));
    }
    const value = n.nodeValue!;
    // Cheapest tests first: an anchored expression fails at the first letter, includes() is native.
    const start = ANY_START.test(value);
    const label = (start && LABEL_AT_START.test(value)) || (value.includes('\n') && LABEL_AT_LINE.test(value));
    const email = value.includes('@');
    const number = start && numbers > 0 && NUMBER_START.test(value);
    if (!label && !email && !number) continue;
    if (number) numbers--;
    if ((label || email) && ++candidates > maxCandidates) return [true, hits, candidates];
    hits.push([n as Text, value, label, email, number]);
  }
  return [false, hits, candidates];
}

/** A generator walked to its end, at once: what it returns. */
export function walkAll<T>(walk: Generator<unknown, T>): T {
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
  }
}
