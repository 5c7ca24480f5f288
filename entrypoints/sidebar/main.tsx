import { render } from 'preact';
import '@/components/ui.css';
import './sidebar.css';
import { SidebarApp } from './SidebarApp';
import { SIDEBAR_PORT } from '@/core/story-port';
import { storyFeed } from '@/messaging/story-channel';
import { i18nReady } from '@/i18n/i18n';

// Connected before the first render (Preact runs effects only after a frame has been painted):
// the background pushes this tab's story as soon as the page that opened this frame (its id in
// the address) has reported its ticket, and again whenever it changes.
const page = new URLSearchParams(location.search).get('page') ?? '';
const feed = storyFeed(SIDEBAR_PORT + page);
void i18nReady().then(() => render(<SidebarApp feed={feed} />, document.getElementById('app')!));
