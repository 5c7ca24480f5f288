import { render } from 'preact';
import '@/components/ui.css';
import './sidebar.css';
import { SidebarApp } from './SidebarApp';

render(<SidebarApp />, document.getElementById('app')!);
