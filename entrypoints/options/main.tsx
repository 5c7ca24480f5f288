import { render } from 'preact';
import '@/components/ui.css';
import './options.css';
import { OptionsApp } from './OptionsApp';
import { i18nReady } from '@/i18n/i18n';

void i18nReady().then(() => render(<OptionsApp />, document.getElementById('app')!));
