import { render } from 'preact';
import '@/components/ui.css';
import './popup.css';
import { PopupApp } from './PopupApp';
import { openIndex } from './saved-index';

// Before the first render: reading the saved index from IndexedDB overlaps with it.
openIndex();
render(<PopupApp />, document.getElementById('app')!);
