import { useEffect, useState } from 'preact/hooks';
import type { ManagedPolicy } from '@/core/policy';
import { t } from '@/i18n/i18n';
import { salesContactItem, technicianItem } from '@/storage/policy-store';
import { Managed } from './policy-ui';

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/**
 * Who signs this browser's flags for sales, and whom flags without a CRM go to. The
 * organisation's policy may set either; then it shows here locked.
 */
export function WhoFlags({ policy }: { policy: ManagedPolicy }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [contact, setContact] = useState('');
  const [note, setNote] = useState<{ tone: 'ok' | 'error'; text: string }>();
  useEffect(() => {
    const show = (w: { name: string; email: string } | null) => {
      setName(w?.name ?? '');
      setEmail(w?.email ?? '');
    };
    void technicianItem.getValue().then(show);
    void salesContactItem.getValue().then(setContact);
    const a = technicianItem.watch((v) => show(v));
    const b = salesContactItem.watch((v) => setContact(v ?? ''));
    return () => {
      a();
      b();
    };
  }, []);
  const whoLocked = policy.technician !== undefined;
  const contactLocked = policy.salesContact !== undefined;

  const save = async (e: Event) => {
    e.preventDefault();
    if (!whoLocked) {
      if (name.trim() || email.trim()) {
        if (!name.trim() || !EMAIL.test(email.trim())) return setNote({ tone: 'error', text: t('team.badWho') });
        await technicianItem.setValue({ name: name.trim(), email: email.trim() });
      } else await technicianItem.setValue(null);
    }
    if (!contactLocked) await salesContactItem.setValue(contact.trim());
    setNote({ tone: 'ok', text: t('team.saved') });
  };

  return (
    <section class="card" aria-labelledby="who-title">
      <h2 id="who-title">{t('team.whoTitle')}</h2>
      <p class="muted small">{t('team.whoIntro')}</p>
      <form onSubmit={(e) => void save(e)}>
        <div class="mapping">
          <label>
            <span>{t('team.name')}</span>
            <input
              type="text"
              autoComplete="name"
              value={name}
              disabled={whoLocked}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </label>
          <label>
            <span>{t('team.email')}</span>
            <input
              type="email"
              autoComplete="email"
              value={email}
              disabled={whoLocked}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </label>
          {whoLocked && <Managed />}
          <label>
            <span>{t('team.salesContact')}</span>
            <input
              type="text"
              value={contact}
              disabled={contactLocked}
              onInput={(e) => setContact(e.currentTarget.value)}
            />
          </label>
          {contactLocked && <Managed />}
        </div>
        <div class="row">
          <button type="submit" disabled={whoLocked && contactLocked}>
            {t('team.save')}
          </button>
        </div>
      </form>
      {note && (
        <p role={note.tone === 'error' ? 'alert' : 'status'} class={note.tone === 'error' ? 'errors' : ''}>
          {note.text}
        </p>
      )}
    </section>
  );
}
