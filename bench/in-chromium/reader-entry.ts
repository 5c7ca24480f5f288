/**
 * The page side of the reader bench (bench/reader.ts): the content script's own page reading
 * (the generic reader, which every adapter's page also goes through; adapters/index.ts's registry
 * needs Vite's import.meta.glob, so detectTicket itself is not bundled here) and its re-read scheduling (entrypoints/helpdesk.content/reread.ts),
 * on pages built here in Chromium's live DOM (style sheets and checkVisibility as on a real page).
 * Exposes `window.readerBench`.
 */
import { genericSteps, readGeneric, readInSlices, regionsOfLastRead, yieldToPage } from '../../adapters/generic';
import { RereadScheduler } from '../../entrypoints/helpdesk.content/reread';
import { visibleText } from '../../adapters/visible-text';
import { buildLocator, readByRecipe } from '../../adapters/recipe';
import type { ReadingRecipe } from '../../core/recipe';

const URL_ = new URL('https://help.example.com/tickets/1042');

/** Replace the page's body with `html` (built here, not data: the bench's own markup). */
function showPage(html: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  document.body.replaceWith(document.adoptNode(parsed.body));
}

const PANEL =
  '<aside class="properties"><dl><dt>Company</dt><dd>Acme Dental Group</dd><dt>Requester</dt><dd>Dana Whitfield <a href="mailto:dana@acmedental.com">dana@acmedental.com</a></dd><dt>Type</dt><dd>Incident</dd></dl></aside>';
const MESSAGE = (i: number) =>
  `<article class="message"><header><span class="author">Dana Whitfield</span> <time>10:${i % 60}</time></header><div class="message-body"><p>Hello team, the printer on floor ${i} is offline again. We restarted it twice.</p><p>Thanks, <b>Dana</b></p></div></article>`;
const ROW = (i: number) =>
  `<tr><td><a href="/tickets/${i}">#${i}</a></td><td class="cell">Printer offline ${i}</td><td><span class="badge">Open</span></td><td>Acme Dental Group</td></tr>`;

/** A ticket page of about `bytes` of HTML: header, panel, a long conversation and a related-tickets table. */
function ticketPage(bytes: number): string {
  const parts = [
    '<header class="topbar"><span>Northwind Service Desk</span></header><h1>Ticket #1042 Printer offline</h1>',
    PANEL,
  ];
  let size = parts.join('').length;
  for (let i = 0; size < bytes; i++) {
    const chunk = i % 2 ? MESSAGE(i) : `<table class="related">${ROW(i)}${ROW(i + 1)}</table>`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

function timeRuns(runs: number): {
  p50: number;
  max: number;
  min: number;
  nodes: number;
  floor: number;
  ticket: unknown;
} {
  const times: number[] = [];
  let ticket: unknown;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    ticket = readGeneric(document, URL_);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const floors: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    bareWalk();
    floors.push(performance.now() - start);
  }
  return {
    p50: times[Math.floor(times.length / 2)]!,
    max: times[times.length - 1]!,
    // The fastest run: the closest to the reader's own CPU time on a machine others share.
    min: times[0]!,
    nodes: document.getElementsByTagName('*').length,
    floor: Math.min(...floors),
    ticket,
  };
}

const HOSTILE: Record<string, () => string> = {
  '"label:<br>" x 8,000': () => 'label:<br>'.repeat(8000) + PANEL,
  '"Company:<br>" x 8,000': () => 'Company:<br>'.repeat(8000) + PANEL,
  '2,000 nested elements labelled "Company"': () =>
    '<div aria-label="Company">'.repeat(2000) + 'x' + '</div>'.repeat(2000) + PANEL,
  '2,000 nested <dl><dt>Company</dt><dd>': () =>
    '<dl><dt>Company</dt><dd>'.repeat(2000) + 'x' + '</dd></dl>'.repeat(2000) + PANEL,
  '2,000 nested "Company:" text blocks': () => '<div>Company: <div>'.repeat(2000) + 'x' + '</div></div>'.repeat(2000),
  // Texts that start as a ticket number: only the first 200 are looked around for a badge.
  '"#1" links x 8,000': () => '<a href="/tickets/1">#1</a><br>'.repeat(8000) + PANEL,
  '20,000 customer cards': () =>
    '<div class="customer-card"><span>Dana</span><a href="mailto:d@acmedental.com">d@acmedental.com</a></div>'.repeat(
      20000,
    ) + PANEL,
};

declare global {
  interface Window {
    readerBench: typeof readerBench;
  }
}

/** The page styled and painted, as a content script finds it when the page changes. */
const settled = () =>
  new Promise<void>((done) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        // Headless tabs may not lay the page out by themselves: force it, as a shown tab would have.
        document.body.getBoundingClientRect();
        // The garbage of building the page in JavaScript (its HTML as strings), which a page
        // parsed from the network has not, is collected first (bench/reader.ts exposes gc).
        (globalThis as { gc?: () => void }).gc?.();
        done();
      }),
    ),
  );

/** A bare walk over every node, doing nothing: the floor any reading of the page pays. */
function bareWalk(): number {
  let count = 0;
  const root = document.body;
  let n: Node | null = root.firstChild;
  while (n) {
    count++;
    if (n.firstChild) n = n.firstChild;
    else {
      while (n && n !== root && !n.nextSibling) n = n.parentNode;
      n = !n || n === root ? null : n.nextSibling;
    }
  }
  return count;
}

const readerBench = {
  /** The bare walk's time on the page shown (ms), and the nodes it visits. */
  floor(runs = 5) {
    const times: number[] = [];
    let nodes = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      nodes = bareWalk();
      times.push(performance.now() - start);
    }
    return { ms: Math.min(...times), nodes };
  },
  /**
   * The content script's first reading of a ticket page of `mb` megabytes in a fresh tab, as it
   * makes it (entrypoints/helpdesk.content/ticket-watcher.ts): in slices, the page given the
   * main thread between them; then the ticket's visible text for its report, in slices too.
   * Each: the longest slice (the longest the page waits, ms) and the wall time from start to
   * end; `slices`: how many slices the reading took.
   */
  async firstInSlices(mb: number) {
    return readerBench.firstInSlicesOf(ticketPage(mb * 1024 * 1024));
  },
  /** The same, on a hostile shape: the longest the page waits during its first reading. */
  async hostileInSlices(name: string) {
    return (await readerBench.firstInSlicesOf(HOSTILE[name]!())).reader.longest;
  },
  async firstInSlicesOf(html: string) {
    showPage(html);
    await settled();
    let longest = 0;
    let at = 0;
    // The content script's own pause (scheduler.yield in Chromium), timing the slice it ends.
    const pause = () => {
      longest = Math.max(longest, performance.now() - at);
      return yieldToPage().then(() => {
        at = performance.now();
      });
    };
    const timed = async <T>(run: () => Promise<T>) => {
      longest = 0;
      at = performance.now();
      const started = at;
      const value = await run();
      longest = Math.max(longest, performance.now() - at);
      return { value, longest, wall: performance.now() - started };
    };
    let slices = 0;
    const counted = () => {
      slices++;
      return pause();
    };
    const reader = await timed(() => readInSlices(genericSteps(document, URL_), counted));
    const text = await timed(() => visibleText(100_000, 500, pause));
    return {
      reader: { longest: reader.longest, wall: reader.wall, slices: slices + 1, company: reader.value[0].company },
      text: { longest: text.longest, wall: text.wall, chars: text.value[1].length },
    };
  },
  /** The ticket's visible text taken at once, as the content script did before (innerText), in a fresh tab (ms). */
  async textAtOnce(mb: number) {
    showPage(ticketPage(mb * 1024 * 1024));
    await settled();
    const start = performance.now();
    const chars = document.body.innerText.length;
    return { ms: performance.now() - start, chars };
  },
  /** Detection time on a ticket page of `mb` megabytes. */
  async size(mb: number, runs = 15) {
    showPage(ticketPage(mb * 1024 * 1024));
    await settled();
    // The first reading in this fresh tab, timed apart: it also warms the code up for the rest.
    const start = performance.now();
    readGeneric(document, URL_);
    const first = performance.now() - start;
    return { ...timeRuns(runs), first };
  },
  /**
   * The same ticket page read with a site's recipe ("show me where": the company and the
   * requester's email as a technician would click them, located as the picker does), then the
   * rules filling the rest, as adapters/index.ts detectTicket does; beside it, in turns on the
   * same page, the rules alone (the baseline) and the recipe's own lookups.
   */
  async withRecipe(mb: number, runs = 15) {
    showPage(ticketPage(mb * 1024 * 1024));
    await settled();
    const recipe: ReadingRecipe = {};
    const company = buildLocator(document, document.querySelector('aside.properties dd')!);
    const email = buildLocator(document, document.querySelector('aside.properties a[href^="mailto:"]')!);
    if (!company.ok || !email.ok) throw new Error('the bench page gives no recipe');
    recipe.company = company.locator;
    recipe.contactEmail = email.locator;
    const both = () => ({ ...readGeneric(document, URL_), ...readByRecipe(document, recipe) });
    both(); // warm-up
    const rules: number[] = [];
    const withRecipe: number[] = [];
    const lookups: number[] = [];
    let read: { company?: string; contactEmail?: string } = {};
    for (let i = 0; i < runs; i++) {
      let start = performance.now();
      readGeneric(document, URL_);
      rules.push(performance.now() - start);
      start = performance.now();
      read = both();
      withRecipe.push(performance.now() - start);
      start = performance.now();
      readByRecipe(document, recipe);
      lookups.push(performance.now() - start);
    }
    const p50 = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    return {
      nodes: document.getElementsByTagName('*').length,
      recipe,
      read: { company: read.company, contactEmail: read.contactEmail },
      rulesP50: p50(rules),
      recipeP50: p50(withRecipe),
      recipeMin: Math.min(...withRecipe),
      lookupsP50: p50(lookups),
    };
  },
  /** `runs` readings of the page shown, back to back (the bench takes the main thread's CPU time around them). */
  repeat(runs: number) {
    const start = performance.now();
    for (let i = 0; i < runs; i++) readGeneric(document, URL_);
    return performance.now() - start;
  },
  hostileNames: () => Object.keys(HOSTILE),
  /** The longest single reading of a hostile page. */
  async hostile(name: string, runs = 5) {
    showPage(HOSTILE[name]!());
    await settled();
    return timeRuns(runs);
  },
  /**
   * A page of ~60,000 nodes that changes every animation frame for `ms`: the share of the main
   * thread the content script's re-reading takes (reads, and the observer's callbacks).
   */
  async changing(ms = 10_000) {
    const rows: string[] = [];
    for (let i = 0; i < 6_000; i++) rows.push(i % 2 ? MESSAGE(i) : `<table>${ROW(i)}${ROW(i + 1)}</table>`);
    showPage(`<h1>Ticket #1042</h1>${PANEL}<div id="clock">0</div><div>${rows.join('')}</div>`);
    await settled();
    const nodes = document.getElementsByTagName('*').length;
    const clock = document.getElementById('clock')!;
    const cells = [...document.querySelectorAll('td.cell')];
    let busy = 0;
    let reads = 0;
    // The scheduler's observer callbacks (it looks at each batch of changes): timed by wrapping them.
    let observing = 0;
    const Native = window.MutationObserver;
    window.MutationObserver = class extends Native {
      constructor(callback: MutationCallback) {
        super((records, observer) => {
          const start = performance.now();
          callback(records, observer);
          observing += performance.now() - start;
        });
      }
    };
    const scheduler = new RereadScheduler(() => {
      const start = performance.now();
      readGeneric(document, URL_);
      const cost = performance.now() - start;
      scheduler.noteCost(cost);
      scheduler.regions(regionsOfLastRead());
      busy += cost;
      reads++;
    });
    // How many batches of changes there were.
    let callbacks = 0;
    const probe = new Native(() => callbacks++);
    probe.observe(document.body, { childList: true, subtree: true, characterData: true });
    scheduler.watch(document.body);
    window.MutationObserver = Native;
    const started = performance.now();
    let frames = 0;
    await new Promise<void>((done) => {
      const tick = () => {
        frames++;
        clock.textContent = String(frames);
        const cell = cells[frames % cells.length];
        if (cell) cell.textContent = `Printer offline ${frames}`;
        if (performance.now() - started < ms) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    const wall = performance.now() - started;
    scheduler.stop();
    probe.disconnect();
    return {
      nodes,
      wall,
      busy: busy + observing,
      observing,
      reads,
      frames,
      share: (busy + observing) / wall,
      changeBatches: callbacks,
    };
  },
};
window.readerBench = readerBench;
