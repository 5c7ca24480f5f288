import { render, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '@/components/ui.css';
import './sidebar.css';
import { SidebarApp } from './SidebarApp';
import { SIDEBAR_PORT } from '@/core/story-port';
import { storyFeed } from '@/messaging/story-feed';
import { connectEarlyFirst } from '@/messaging/early-port';
import { browser } from '#imports';
import { i18nReady, t } from '@/i18n/i18n';
import type { Refusal } from '@/core/click-guard';
import { ConfirmRisky } from '@/components/ConfirmButton';
import { guardClicks } from './guard';

// Connected before the first render (Preact runs effects only after a frame has been painted):
// the background pushes this tab's story as soon as the page that opened this frame (its id in
// the address) has reported its ticket, and again whenever it changes. The port was opened by
// the frame's first script, before this one loaded (messaging/early-port.ts): it is taken over
// with what it was told meanwhile.
const page = new URLSearchParams(location.search).get('page') ?? '';
const feed = storyFeed(SIDEBAR_PORT + page, {
  connect: connectEarlyFirst((name) => browser.runtime.connect({ name })),
});

// Clicks count only while the frame is seen visible (./guard.ts), watched from the start.
let refused: Refusal | undefined;
const listeners = new Set<(r: Refusal | undefined) => void>();
const app = document.getElementById('app')!;
guardClicks(app, (r) => {
  refused = r;
  for (const fn of listeners) fn(r);
});

/** The sidebar, with risky actions confirmed and a word on the last click that was refused. */
function Guarded({ children }: { children: ComponentChildren }) {
  const [refusal, setRefusal] = useState(refused);
  useEffect(() => {
    listeners.add(setRefusal);
    return () => void listeners.delete(setRefusal);
  }, []);
  return (
    <ConfirmRisky.Provider value={true}>
      {refusal && (
        <p class="guard-notice" role="alert" data-testid="guard-notice">
          {t(refusal === 'covered' ? 'guard.covered' : 'guard.moved')}
        </p>
      )}
      {children}
    </ConfirmRisky.Provider>
  );
}

void i18nReady().then(() =>
  render(
    <Guarded>
      <SidebarApp feed={feed} />
    </Guarded>,
    app,
  ),
);
