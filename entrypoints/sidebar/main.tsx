import { render } from 'preact';
import '@/components/ui.css';
import './sidebar.css';
import { SidebarApp } from './SidebarApp';
import { askStory } from './ask';
import { i18nReady } from '@/i18n/i18n';

// Asked before the first render: Preact runs effects only after a frame has been painted, and
// the background has usually made the answer already (see services/sidebar-requests.ts). A frame
// opened before its page's ticket was reported ("?wait") asks on the content script's nudge.
const first = new URLSearchParams(location.search).has('wait') ? undefined : askStory();
void i18nReady().then(() => render(<SidebarApp first={first} />, document.getElementById('app')!));
