// Captures a real help desk's agent ticket view for tests/fixtures/real/: logs in through the
// product's own form in Chromium, opens the ticket, and saves the DOM as served after its scripts
// ran (playwright-core's page.content()), with session and CSRF tokens replaced by "REMOVED".
//
//   node scripts/real-pages/capture.mjs redmine|osticket <output.html>
//
// Start the help desk first (scripts/<product>/setup.sh). Nothing else on the page is changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium, NO_CHROMIUM_MESSAGE } from '../browser-path.mjs';

const env = (file) =>
  Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /^\w+=/.test(l))
      .map((l) => l.split('=', 2)),
  );

const products = {
  redmine: () => {
    const c = env('scripts/redmine/credentials.env');
    const id = readFileSync('/tmp/backstory-redmine/issue-id', 'utf8').trim();
    return {
      login: `${c.REDMINE_URL}/login`,
      user: ['#username', c.REDMINE_USER],
      pass: ['#password', c.REDMINE_PASSWORD],
      submit: '#login-submit',
      ticket: `${c.REDMINE_URL}/issues/${id}`,
      ready: '#content .issue .attributes',
    };
  },
  osticket: () => {
    const c = env('scripts/osticket/credentials.env');
    const id = readFileSync('/tmp/backstory-osticket/ticket-id', 'utf8').trim();
    return {
      login: `${c.OSTICKET_URL}/scp/login.php`,
      user: ['#name', c.OSTICKET_USER],
      pass: ['#pass', c.OSTICKET_PASSWORD],
      submit: 'button[name="submit"]',
      ticket: `${c.OSTICKET_URL}/scp/tickets.php?id=${id}`,
      ready: '#ticketThread, .thread-body',
    };
  },
};

/** Session and CSRF tokens in the markup (cookies are not part of the DOM). */
export function stripTokens(html, cookieValues = []) {
  let out = html
    // <meta name="csrf-token" content="…"> (Redmine), <meta name="csrf_token" content="…"> (osTicket)
    .replace(/(<meta\b[^>]*name="csrf[-_](?:token|param)"[^>]*content=")[^"]*/gi, (m, a) =>
      m.includes('csrf-param') ? m : `${a}REMOVED`,
    )
    // hidden form inputs: authenticity_token (Rails), __CSRFToken__ (osTicket)
    .replace(/(<input\b[^>]*name="(?:authenticity_token|__CSRFToken__)"[^>]*value=")[^"]*/gi, '$1REMOVED')
    .replace(/(<input\b[^>]*value=")[^"]*("[^>]*name="(?:authenticity_token|__CSRFToken__)")/gi, '$1REMOVED$2');
  // A user's feed key in links (Redmine's Atom links: "/issues/1.atom?key=…").
  out = out.replace(/([?&;](?:amp;)?key=)[0-9a-f]{16,}/gi, '$1REMOVED');
  for (const v of cookieValues) if (v.length >= 8) out = out.split(v).join('REMOVED');
  return out;
}

async function main() {
  const [name, outFile] = process.argv.slice(2);
  if (!products[name] || !outFile) throw new Error(`usage: capture.mjs ${Object.keys(products).join('|')} <out.html>`);
  const p = products[name]();
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const browser = await chromium.launch({ executablePath, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(p.login);
    await page.locator(p.user[0]).fill(p.user[1]);
    await page.locator(p.pass[0]).fill(p.pass[1]);
    await Promise.all([page.waitForLoadState('load'), page.locator(p.submit).first().click()]);
    await page.waitForTimeout(500);
    await page.goto(p.ticket, { waitUntil: 'load' });
    await page.locator(p.ready).first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const cookies = (await context.cookies()).map((c) => c.value);
    const html = stripTokens(await page.content(), cookies);
    writeFileSync(outFile, html);
    console.log(`${name}: ${p.ticket} -> ${outFile} (${html.length} characters)`);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
