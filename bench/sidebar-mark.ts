/**
 * The moment the in-page sidebar first shows a backstory, noted in its frame by a script Playwright
 * runs there before the frame's own (page.addInitScript runs in a page's frames too): the
 * animation frame after the account's name and the relevant section entered its DOM.
 *
 * bench/browser.ts took it with a poll on animation frames set up in the frame only once the ticket
 * page's DOMContentLoaded had reached the bench and the frame had been found: several round trips
 * to the browser, so a sidebar that was quicker than them was timed at the poll's first look (on a
 * machine at load 23-28, 270-430 ms later than this mark in bench/sidebar-steps.ts). The side
 * panel's and the popup's polls are set up before the page loads, and were not affected.
 *
 * `relevant: false` (BENCH_SIDEBAR_MARK=name) marks the account's name alone, to time a build from
 * before the relevant section existed (16c4281) the same way as today's.
 */
export function markShown({ account, relevant }: { account: string; relevant: boolean }): void {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidebar.html')) return;
  const seen = new MutationObserver(() => {
    if (
      document.querySelector('[data-testid=account-name]')?.textContent !== account ||
      (relevant && !document.querySelector('[data-testid=relevant]'))
    )
      return;
    seen.disconnect();
    requestAnimationFrame(() => {
      (window as unknown as { benchShown: number }).benchShown = performance.timeOrigin + performance.now();
    });
  });
  seen.observe(document, { childList: true, subtree: true, characterData: true });
}
