import type { ContentScriptContext } from '#imports';
import { detectSteps, enrichFromApi, isCertainTicketUrl } from '@/adapters';
import type { TicketRef } from '@/core/model';
import { siteFor } from '@/core/sites';
import { readLocalValues, watchPlace, watchRecipes, type LocalValues } from './local-values';
import { sameOriginJson } from './same-origin-json';
import { SidebarFrame } from './sidebar-frame';
import { readInSlices, regionsOfLastRead } from '@/adapters/generic';
import { RereadScheduler } from './reread';
import { askBackground } from '@/messaging/ask-background';
import { TicketReports } from './ticket-reports';

/** How long a lost ticket report is sent again (at growing pauses of at most 2 s). */
const REPORT_PATIENCE_MS = 20_000;

/** Nothing reported yet: a page that shows no ticket has nothing to withdraw. */
const NOTHING = 'null';

/**
 * Works only while the URL may show a ticket: reads the page (again when it changes), reports
 * just the ticket reference to the background, and shows the sidebar beside it. Every listener
 * and timer is tied to `ctx` and dies with the content script.
 */
export class TicketWatcher {
  private readonly frame: SidebarFrame;
  private readonly rereads: RereadScheduler;
  private readonly reports = new TicketReports(
    (ref, wanted) => this.send(ref, wanted),
    (key) => this.current(key),
  );
  /**
   * This page's id (core/messages.ts), in its reports and in its sidebar frame's address: the
   * background tells the frame only a ticket this page reported.
   */
  private readonly page = randomId();
  private watching = false;
  private wanted = false;
  private parsing = false;
  /** Readings begun: only the latest one's result is reported. */
  private checks = 0;
  private lastKey = NOTHING;
  /** Whether the URL alone may show a ticket (else only a ticket number on the page decides). */
  private byUrl = true;
  /** Read once per showing of the sidebar, so a re-shown sidebar has the current settings. */
  private local?: Promise<LocalValues>;

  constructor(private readonly ctx: ContentScriptContext) {
    this.frame = new SidebarFrame(ctx, this.page);
    // Stopped with the content script (ctx.onInvalidated below), so its timer dies with it.
    this.rereads = new RereadScheduler(() => this.check());
    ctx.onInvalidated(() => this.stop());
    // Moved to the browser's side panel: this page's sidebar goes at once (and comes back if moved back).
    ctx.onInvalidated(
      watchPlace((panel) => {
        if (panel) this.frame.hide();
        this.local = undefined;
        if (!panel && this.wanted && this.watching) {
          this.lastKey = NOTHING;
          void this.check();
        }
      }),
    );
    // A site's recipe saved, removed or replaced: read the page again with what is stored now.
    ctx.onInvalidated(watchRecipes(() => this.reread()));
  }

  /**
   * The URL may show a ticket: read the page once parsed, and again when it changes (see
   * reread.ts: at most once a second on a page that keeps changing). `byUrl` false: a page of a
   * site the user added whose URL names no ticket; only a ticket number shown on it decides, so
   * the sidebar is not loaded before the page is read.
   */
  start(byUrl = true): void {
    this.wanted = true;
    this.byUrl = byUrl;
    // The settings are read while the page is still being parsed.
    this.local ??= readLocalValues();
    if (document.readyState === 'loading') {
      if (byUrl) this.openEarly();
      return this.afterParsing();
    }
    if (!this.watching) {
      this.rereads.watch(document.body ?? document.documentElement);
      this.watching = true;
    }
    void this.check();
  }

  /** The URL cannot show a ticket (a single-page app moved on): stop, withdraw the ticket. */
  stop(): void {
    this.wanted = false;
    this.rereads.stop();
    this.watching = false;
    this.hide();
    if (this.lastKey !== NOTHING && this.ctx.isValid) void this.reports.report(null, NOTHING);
    this.lastKey = NOTHING;
  }

  /**
   * The sidebar starts loading at once, while the page is still being parsed: loading the frame
   * is most of the time before the backstory shows. It loads hidden; where the URL alone makes
   * the page a ticket it is shown as soon as the settings are read, elsewhere (a URL that names
   * a ticket) once the parsed page shows one (check()), and removed if it shows none.
   */
  private openEarly(): void {
    if (this.frame.shown || !document.documentElement) return;
    // In side-panel mode nothing of the backstory enters the page, not even a hidden frame: the
    // frame waits for the settings (one storage read, a few milliseconds).
    void this.local?.then(({ sites, collapsed, panel }) => {
      if (panel || !this.wanted || this.frame.shown || !document.documentElement) return;
      this.frame.show(false, true);
      const url = new URL(location.href);
      if (isCertainTicketUrl(url, siteFor(sites, url.href)?.adapterId)) this.frame.show(collapsed);
    });
  }

  /** Started at document_start: read the page the moment its HTML is parsed. */
  private afterParsing(): void {
    if (this.parsing) return;
    this.parsing = true;
    const parsed = () => {
      this.parsing = false;
      if (this.wanted) this.start(this.byUrl);
    };
    this.ctx.addEventListener(document, 'DOMContentLoaded', parsed, { once: true });
  }

  private async check(): Promise<void> {
    const { sites, collapsed, panel, recipe } = await (this.local ??= readLocalValues());
    if (!this.watching || !this.ctx.isValid) return;
    const url = new URL(location.href);
    const mine = ++this.checks;
    // On a site the user added, the product they picked for it ("detect" lets adapters decide).
    // Read in slices, giving the page the main thread between them.
    const [ref, cost] = await readInSlices(detectSteps(document, url, siteFor(sites, url.href)?.adapterId, recipe));
    // A later reading began meanwhile (the page changed again, or moved on): it reports.
    if (mine !== this.checks || !this.watching || !this.ctx.isValid) return;
    this.rereads.noteCost(cost);
    // The generic reader's regions; a recipe's elements are not among them (every change counts then).
    this.rereads.regions(ref?.helpdesk === 'generic' && !recipe ? regionsOfLastRead() : undefined);
    const key = JSON.stringify(ref);
    if (key === this.lastKey) {
      // No ticket, still: a frame loaded hidden while the page was parsed goes.
      if (!ref && this.frame.shown) this.hide();
      return;
    }
    this.lastKey = key;
    // The background pushes the sidebar this ticket's story once the report is in, whether the
    // frame connected before (opened early) or connects after (opened now).
    void this.reports.report(ref, key);
    if (!ref) return this.hide();
    // Side-panel mode: the report above is all this page gets.
    if (!panel) this.frame.show(collapsed);
    // What the page does not show may come from the help desk's own API (same origin, the
    // technician's session); report the fuller ticket if it is still the one on screen (the
    // background keeps the words it read for this ticket page). The first report is then no
    // longer sent again (ticket-reports.ts).
    void enrichFromApi(ref, url, sameOriginJson).then((better) => {
      if (better !== ref && this.current(key)) void this.reports.report(better, key);
    });
  }

  /** The site's recipe changed ("show me where"): read the page again with it. */
  reread(): void {
    this.local = undefined;
    if (this.watching) void this.check();
  }

  private current(key: string): boolean {
    return this.lastKey === key && this.ctx.isValid;
  }

  private hide(): void {
    this.frame.hide();
    this.local = undefined;
  }

  /**
   * Tell the background the ticket on screen (its customer text is not sent: the background
   * reads the subject and first message, which order the matched account's notes, from the tab
   * itself, and the page's visible text only when the fields match nothing). A service worker
   * the browser stopped just then, or one slow to start, can drop the message: it is sent again
   * while it is still the page's current ticket and no newer report was begun, for long enough
   * that a busy machine's worker restart does not lose it (a lost report leaves the sidebar
   * saying the page shows no ticket).
   */
  private async send(ref: TicketRef | null, wanted: () => boolean): Promise<boolean> {
    const reply = await askBackground(
      { type: 'ticket:update', ref, page: this.page },
      { patienceMs: REPORT_PATIENCE_MS, wanted },
    );
    return reply?.ok === true;
  }
}

/**
 * A random id shaped as core/messages.ts expects (36 hex digits and dashes). Not randomUUID,
 * which a page served over plain http (a help desk on the local network) does not have.
 */
function randomId(): string {
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
