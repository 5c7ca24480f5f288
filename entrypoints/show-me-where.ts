import { browser } from '#imports';
import { buildLocator, readField } from '@/adapters/recipe';
import type { ReadingRecipe, RecipeField } from '@/core/recipe';
import { askBackground } from '@/messaging/ask-background';

const STEPS: RecipeField[] = ['company', 'contactEmail', 'ticketId'];
const say = (key: string): string => (browser.i18n.getMessage as (name: string) => string)(`showme_${key}`) || key;

/**
 * "Show me where", injected into the tab's top frame by the background only when the technician
 * asks (sidebar or popup), so the content script that loads on every help-desk page stays small.
 * The technician clicks the company name, then the requester's email, then (optionally) the
 * ticket number. The prompt lives in a closed shadow root (no sales data: only what this page
 * itself shows); only trusted clicks count, Escape ends it, and a click in customer-written text
 * (a message body, a subject) is refused. The recipe goes to the background for this site, which
 * tells the page's content script to read the page again.
 */
export default defineUnlistedScript(() => new Picker().start());

/** The one picker running in this page (a second start ends the first). */
const running: { picker?: Picker } = {};

class Picker {
  private readonly host = document.createElement('backstory-picker');
  private readonly shadow = this.host.attachShadow({ mode: 'closed' });
  private readonly box = document.createElement('div');
  private readonly mark = document.createElement('div');
  private step = 0;
  private readonly recipe: ReadingRecipe = {};
  private readonly read: string[] = [];

  start(): void {
    running.picker?.end();
    running.picker = this;
    const style = document.createElement('style');
    style.textContent =
      ':host{all:initial}div.box{position:fixed;top:12px;left:50%;transform:translateX(-50%);z-index:2147483647;' +
      'background:#17324d;color:#fff;font:14px/1.4 system-ui,sans-serif;padding:10px 14px;border-radius:6px;' +
      'box-shadow:0 2px 12px #0006;max-width:520px}button{margin:6px 6px 0 0;font:inherit}p{margin:2px 0}' +
      'div.mark{position:fixed;pointer-events:none;z-index:2147483646;outline:2px solid #f5a623;background:#f5a62322}';
    this.box.className = 'box';
    this.box.setAttribute('role', 'dialog');
    this.box.setAttribute('data-testid', 'show-me-where');
    this.mark.className = 'mark';
    this.shadow.append(style, this.mark, this.box);
    document.documentElement.append(this.host);
    for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'])
      window.addEventListener(type, this.onPointer, true);
    window.addEventListener('mouseover', this.onOver, true);
    window.addEventListener('keydown', this.onKey, true);
    this.prompt();
    // Keys reach the page (not the sidebar's frame, where the button was): Escape and Enter work.
    this.box.tabIndex = -1;
    this.box.focus();
  }

  end(): void {
    for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'])
      window.removeEventListener(type, this.onPointer, true);
    window.removeEventListener('mouseover', this.onOver, true);
    window.removeEventListener('keydown', this.onKey, true);
    this.host.remove();
    if (running.picker === this) running.picker = undefined;
  }

  /** Escape ends; Enter saves once everything is shown (or skips the optional ticket number). */
  private readonly onKey = (e: KeyboardEvent) => {
    if (!e.isTrusted || (e.key !== 'Escape' && e.key !== 'Enter')) return;
    e.stopPropagation();
    e.preventDefault();
    if (e.key === 'Escape') return this.end();
    if (this.step === 2) {
      this.step = 3;
      return this.prompt();
    }
    if (this.step >= STEPS.length) void this.save();
  };

  private readonly onOver = (e: MouseEvent) => {
    const el = e.target;
    if (!e.isTrusted || !(el instanceof Element) || el === this.host) return;
    const r = el.getBoundingClientRect();
    Object.assign(this.mark.style, {
      left: `${r.left}px`,
      top: `${r.top}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
  };

  /** A click on the page picks; our own prompt's buttons work as buttons. */
  private readonly onPointer = (e: Event) => {
    if (e.composedPath()[0] instanceof Node && this.shadow.contains(e.composedPath()[0] as Node)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    // Synthetic events (a page script's el.click()) never pick.
    if (!e.isTrusted || e.type !== 'click' || this.step >= STEPS.length) return;
    const el = e.target instanceof Element ? e.target : undefined;
    if (el) this.pick(el);
  };

  private pick(el: Element): void {
    const field = STEPS[this.step]!;
    const built = buildLocator(document, el);
    const value = built.ok ? readField(el, field) : undefined;
    if (!built.ok || !value) {
      const why =
        !built.ok && built.error === 'customerText' ? 'refusedCustomerText' : built.ok ? 'nothingRead' : 'noUnique';
      return this.prompt(say(why));
    }
    this.recipe[field] = built.locator;
    this.read.push(`${say(`field_${field}`)}: ${value}`);
    this.step++;
    this.prompt();
  }

  private prompt(problem?: string): void {
    const lines = [...this.read, ...(problem ? [problem] : [])];
    const done = this.step >= STEPS.length;
    const head = done ? say('check') : say(`pick_${STEPS[this.step]}`);
    const buttons: [string, () => void][] = [];
    if (this.step === 2 && !done) buttons.push([say('skip'), () => ((this.step = 3), this.prompt())]);
    if (this.recipe.company || this.recipe.contactEmail) {
      if (done) buttons.push([say('save'), () => void this.save()]);
    }
    buttons.push([say('cancel'), () => this.end()]);
    const p = (text: string) => Object.assign(document.createElement('p'), { textContent: text });
    this.box.replaceChildren(
      Object.assign(document.createElement('strong'), { textContent: head }),
      ...lines.map(p),
      ...buttons.map(([label, act]) => {
        const b = Object.assign(document.createElement('button'), { textContent: label, type: 'button' });
        b.addEventListener('click', (e) => e.isTrusted && act());
        return b;
      }),
    );
  }

  private async save(): Promise<void> {
    const reply = await askBackground({ type: 'recipe:save', recipe: this.recipe });
    if (!reply?.ok) return this.prompt(say('saveFailed'));
    this.end();
    // The content script (same isolated world) reads the page again with the recipe.
    (globalThis as { backstoryReread?: () => void }).backstoryReread?.();
  }
}
