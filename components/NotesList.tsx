import { useState } from 'preact/hooks';
import type { Note } from '@/core/model';
import { formatDate } from '@/core/format';
import { t, uiLocale } from '../i18n/i18n';

type ShownNote = Note & { dealName?: string };

/** Sales notes, pinned first then newest (the loader sorts), each expandable. Text only. */
export function NotesList({ notes, from }: { notes: ShownNote[]; from?: (source: string) => string }) {
  if (notes.length === 0) return <p class="muted">{t('notes.none')}</p>;
  return (
    <ul class="plain" data-testid="notes">
      {notes.map((n) => (
        <NoteItem key={n.id} note={n} from={from} />
      ))}
    </ul>
  );
}

function NoteItem({ note, from }: { note: ShownNote; from?: (source: string) => string }) {
  const [open, setOpen] = useState(false);
  const long = note.body.length > 180 || note.body.split('\n').length > 3;
  return (
    <li class="note">
      <div class="small muted">
        {note.pinned && (
          <span class="pin" title={t('notes.pinnedTitle')}>
            {t('notes.pinned')} ·{' '}
          </span>
        )}
        {note.author}
        {note.date ? ` · ${formatDate(note.date, uiLocale())}` : ''}
        {note.dealName ? ` · ${note.dealName}` : ''}
        {note.tags.length > 0 && ' · ' + note.tags.join(', ')}
        {from && ` · ${from(note.source)}`}
      </div>
      <div class={`note-body${long && !open ? ' clamped' : ''}`}>{note.body}</div>
      {long && (
        <button class="link small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('common.showLess') : t('common.showMore')}
        </button>
      )}
    </li>
  );
}
