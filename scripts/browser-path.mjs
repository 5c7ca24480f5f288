import { existsSync } from 'node:fs';

/** Where to find a Chromium or Chrome: CHROME_PATH, Debian's chromium, or an installed Chrome. */
export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

export const NO_CHROMIUM_MESSAGE = [
  'No Chromium or Chrome found.',
  'Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH to its executable.',
].join('\n');

/** Flags that keep Chromium quiet on a closed network and let it load our unpacked extension. */
export function chromiumArgs(extensionDir, { headless, proxy }) {
  return [
    // The fixture server answers for help-desk vendors' hosts (loopback stays direct).
    ...(proxy ? [`--proxy-server=${proxy}`] : []),
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...(headless ? ['--headless=new'] : []),
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}
