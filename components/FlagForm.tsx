import { useState } from 'preact/hooks';
import { FLAG_KINDS, URGENCIES, type Flag, type FlagKind, type Urgency } from '@/core/flags';
import { FlagList, flagStatusText, kindLabel } from './FlagList';
import { t, tDynamic } from './i18n';

interface Props {
  /** Earlier flags on this customer. */
  flags: Flag[];
  send: (input: { kind: FlagKind; note: string; value?: number; urgency: Urgency }) => Promise<Flag>;
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
  const [outcome, setOutcome] = useState<{ error?: string; flag?: Flag }>();

  const submit = async (e: Event) => {
    e.preventDefault();
    // "9,000", "$9000" and "9000 USD" are all 9000; text without digits is not an amount.
    const digits = value.replace(/[^\d.]/g, '');
    const amount = value.trim() ? (digits ? Number(digits) : NaN) : undefined;
    if (!note.trim()) return setOutcome({ error: t('flags.noteNeeded') });
    if (amount !== undefined && !Number.isFinite(amount)) return setOutcome({ error: t('flags.badValue', [value]) });
    setBusy(true);
    try {
      const flag = await send({ kind, note: note.trim(), urgency, ...(amount !== undefined ? { value: amount } : {}) });
      setOutcome({ flag });
      setNote('');
      setValue('');
      setOpen(false);
      onSent();
    } catch (err) {
      setOutcome({ error: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="section" aria-labelledby="flag-title">
      <div style="display:flex;justify-content:space-between;align-items:center;gap:6px">
        <h2 id="flag-title" class="section-title" style="margin:0">{t('flags.title', [String(flags.length)])}</h2>
        {!open && (
          <button type="button" onClick={() => setOpen(true)} data-testid="flag-open">
            {t('flags.open')}
          </button>
        )}
      </div>
      {outcome?.flag && (
        <p class="small" role="status" data-testid="flag-outcome">
          {t('flags.saved')} {flagStatusText(outcome.flag)}
        </p>
      )}
      {outcome?.error && (
        <p class="small errors" role="alert">
          {outcome.error}
        </p>
      )}
      {open && (
        <form class="flag-form" onSubmit={(e) => void submit(e)}>
          <label>
            <span>{t('flags.kindLabel')}</span>
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as FlagKind)} autoFocus>
              {FLAG_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </label>
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
            <button type="submit" class="primary" disabled={busy}>
              {t('flags.send')}
            </button>
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
