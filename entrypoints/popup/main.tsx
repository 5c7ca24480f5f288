import { render } from 'preact';
import '@/components/ui.css';
import './popup.css';
import { PopupApp } from './PopupApp';
import { openIndex } from './saved-index';
import { applyTheme } from '@/components/theme';
import { storedTheme } from '@/storage/stored-theme';
import { i18nReady } from '@/i18n/i18n';

// Before the first render: reading the saved index from IndexedDB overlaps with it.
openIndex();
// The chosen theme at once; the other settings come with the rest of the popup (later.ts).
void storedTheme().then(applyTheme, () => undefined);
void i18nReady().then(() => render(<PopupApp />, document.getElementById('app')!));
