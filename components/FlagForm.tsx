import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FLAG_KINDS, URGENCIES, parseAmount, type Flag, type FlagKind, type Urgency } from '@/core/flags';
import { formatDate } from '@/core/format';
import { FlagList, flagStatusText, kindLabel } from './FlagList';
import { t, tDynamic, uiLocale } from '../i18n/i18n';
import { technicianItem } from '@/storage/policy-store';
import type { Technician } from '@/core/policy';
import { ConfirmButton, ConfirmRisky } from './ConfirmButton';

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

interface Props {
  /** Earlier flags on this customer. */
  flags: Flag[];
  /** `draftId` names this draft: sending it again (a lost answer, a second click) stores one flag. */
  send: (input: { draftId: string; kind: FlagKind; note: string; value?: number; urgency: Urgency }) => Promise<Flag>;
  onSent: () => void;
}

/** "Flag for sales" on the ticket's backstory: what the technician noticed, for sales to follow up. */
export function FlagForm({ flags, send, onSent }: Props) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<FlagKind>('new-project');
  const [note, setNote] = useState('');
  const [value, setValue] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [busy, setBusy] = useState(false);
  const confirmRisky = useContext(ConfirmRisky);
  // The disabled button stops clicks, but not Ctrl+Enter (requestSubmit ignores it) held down and
  // repeating: one flag at a time, whatever the key repeat does.
  const sending = useRef(false);
  const draftId = useRef(newDraftId());
  const [outcome, setOutcome] = useState<{ error?: string; flag?: Flag }>();
  // Who flags: set by the organisation's policy or in options; else asked here, once, at the
  // first flag (null: nobody known yet; undefined: not read yet).
  const [who, setWho] = useState<Technician | null>();
  const [whoName, setWhoName] = useState('');
  const [whoEmail, setWhoEmail] = useState('');
  useEffect(() => {
    void technicianItem.getValue().then(setWho);
    return technicianItem.watch((v) => setWho(v ?? null));
  }, []);
  const openButton = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const wasOpen = useRef(false);
  // Focus moves by hand: `autofocus` only works for the first element a document ever shows, and
  // the buttons vanish when the form closes (sent, cancelled, Escape), which would drop focus to
  // the top of the page. So: into the form when it opens, back to "Flag for sales" when it closes,
  // in the same commit (a plain effect waits for an animation frame, which a background tab delays).
  useLayoutEffect(() => {
    if (open) firstField.current?.focus({ preventScroll: true });
    else if (wasOpen.current) openButton.current?.focus();
    wasOpen.current = open;
  }, [open]);

  // The same kind already flagged for this customer: the technician sees it before sending a
  // second one (flags arrive newest first).
  const earlier = open ? flags.find((f) => f.kind === kind) : undefined;
  // The form opens at the foot of a long story, and grows when the earlier-flag notice appears:
  // keep all of it (the notice, the note, the send button) in view, not just the focused field.
  useLayoutEffect(() => {
    if (open) form.current?.scrollIntoView({ block: 'nearest' });
  }, [open, earlier?.id]);

  // The status of the flag just sent, as the sidebar knows it now (it may have been sent since):
  // the story's copy, unless the answer to the request is further along (a story pushed while
  // the flag was being delivered).
  const known = outcome?.flag && flags.find((f) => f.id === outcome.flag?.id);
  const sent = outcome?.flag && (known && !furtherAlong(outcome.flag, known) ? known : outcome.flag);

  const onKeyDown = (e: KeyboardEvent) => {
    // Escape closes the form and keeps the draft; without this the sidebar's own Escape
    // handler would collapse the sidebar and the typed note would be lost.
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
    }
    // Ctrl+Enter (Cmd+Enter) sends from the note, where plain Enter is a new line; where sending
    // takes a confirming click, it is that click (the first arms the button, see ConfirmButton).
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      const formElement = e.currentTarget as HTMLFormElement;
      if (confirmRisky) formElement.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
      else formElement.requestSubmit();
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    // "9,000", "9.000 €" and "9000 USD" are all 9000; text that is not one amount is refused.
    const amount = parseAmount(value);
    if (!note.trim()) return setOutcome({ error: t('flags.noteNeeded') });
    if (amount !== undefined && !Number.isFinite(amount)) return setOutcome({ error: t('flags.badValue', [value]) });
    if (who === null && (whoName.trim() || whoEmail.trim())) {
      if (!whoName.trim() || !EMAIL.test(whoEmail.trim())) return setOutcome({ error: t('team.badWho') });
      await technicianItem.setValue({ name: whoName.trim(), email: whoEmail.trim() });
    }
    setBusy(true);
    sending.current = true;
    try {
      const flag = await send({
        draftId: draftId.current,
        kind,
        note: note.trim(),
        urgency,
        ...(amount !== undefined ? { value: amount } : {}),
      });
      setOutcome({ flag });
      draftId.current = newDraftId();
      setNote('');
      setValue('');
      setOpen(false);
      onSent();
    } catch (err) {
      setOutcome({ error: err instanceof Error ? err.message : String(err) });
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <section class="section" aria-labelledby="flag-title">
      <div style="display:flex;justify-content:space-between;align-items:center;gap:6px">
        <h2 id="flag-title" class="section-title" style="margin:0">
          {t('flags.title', [String(flags.length)])}
        </h2>
        {!open && (
          <button type="button" ref={openButton} onClick={() => setOpen(true)} data-testid="flag-open">
            {t('flags.open')}
          </button>
        )}
      </div>
      {sent && (
        <p class="small" role="status" data-testid="flag-outcome">
          {t('flags.saved')} {flagStatusText(sent)}
        </p>
      )}
      {outcome?.error && (
        <p class="small errors" role="alert">
          {outcome.error}
        </p>
      )}
      {open && (
        <form ref={form} class="flag-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
          <label>
            <span>{t('flags.kindLabel')}</span>
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as FlagKind)} ref={firstField}>
              {FLAG_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </label>
          {earlier && (
            <p class="small warn" role="status" data-testid="flag-duplicate">
              {t('flagMail.duplicate', [
                kindLabel(earlier.kind),
                formatDate(earlier.createdAt, uiLocale()),
                shorten(earlier.note),
              ])}
            </p>
          )}
          {who === null && (
            <fieldset class="flag-who" data-testid="flag-who">
              <legend class="small">{t('team.askTitle')}</legend>
              <p class="small muted">{t('team.askIntro')}</p>
              <div style="display:flex;gap:6px">
                <label style="flex:1">
                  <span>{t('team.name')}</span>
                  <input
                    type="text"
                    autoComplete="name"
                    value={whoName}
                    onInput={(e) => setWhoName(e.currentTarget.value)}
                  />
                </label>
                <label style="flex:1">
                  <span>{t('team.email')}</span>
                  <input
                    type="email"
                    autoComplete="email"
                    value={whoEmail}
                    onInput={(e) => setWhoEmail(e.currentTarget.value)}
                  />
                </label>
              </div>
            </fieldset>
          )}
          <label>
            <span>{t('flags.noteLabel')}</span>
            <textarea rows={3} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} required />
          </label>
          <div style="display:flex;gap:6px">
            <label style="flex:1">
              <span>{t('flags.valueLabel')}</span>
              <input type="text" inputMode="decimal" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
            </label>
            <label style="flex:1">
              <span>{t('flags.urgencyLabel')}</span>
              <select value={urgency} onChange={(e) => setUrgency(e.currentTarget.value as Urgency)}>
                {URGENCIES.map((u) => (
                  <option key={u} value={u}>
                    {tDynamic(`flags.urgency.${u}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div style="display:flex;gap:6px;margin-top:6px">
            <ConfirmButton type="submit" class="primary" disabled={busy} confirm={t('guard.confirmSend')}>
              {t('flags.send')}
            </ConfirmButton>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {flags.length > 0 && <FlagList flags={flags} />}
    </section>
  );
}

/** A long note (up to 2,000 characters) as a reminder of one line or two. */
function shorten(note: string): string {
  const flat = note.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

/** 32 hex digits, the id of one draft (and of the flag it becomes). */
function newDraftId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/** Whether copy `a` of a flag is of a later moment than copy `b` (more tries, or no longer waiting). */
function furtherAlong(a: Flag, b: Flag): boolean {
  return a.attempts > b.attempts || (a.attempts === b.attempts && a.status !== 'pending' && b.status === 'pending');
}
