import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { t, tDynamic } from '@/i18n/i18n';
import { askBackground } from '@/messaging/ask-background';
import type { ConnectionCheck, LiveSource, Values } from '@/sources/live-source';
import { LIVE_SOURCES, liveSource } from '@/sources/live-sources';
import { errorDetail } from '@/sources/http';
import { errorText } from '@/i18n/error-text';
import { removeSourceThroughBackground } from '@/messaging/ask-data-writes';
import { credentialsSavedAt, loadCredentials, openSecrets, saveCredentials } from '@/storage/secrets';
import { redirectUrl, signInWith, type SignedIn } from './source-sign-in';
import { SavedSource } from './SavedSource';
import { Checks } from './ConnectionChecks';
import {
  sourceStatusItem,
  sourcesItem,
  syncIntervalItem,
  type SourceConfig,
  type SourceStatus,
} from '@/storage/source-configs';

import type { ManagedPolicy } from '@/core/policy';
import { hostPattern } from '@/core/sites';
import { Managed } from './policy-ui';

const INTERVALS = [15, 30, 60, 120, 240, 1440];

type Note = { tone: 'ok' | 'error'; text: string } | undefined;

/** Why a sign-in failed, in the user's language. */
const signInError = (e: unknown) => errorText(e instanceof Error ? e.message : String(e), errorDetail(e));

/** The product the form starts on (the list itself goes by name: sources/live-sources.ts). */
const FIRST_KIND = 'hubspot';

const defaults = (source: LiveSource): Values => Object.fromEntries(source.fields.map((f) => [f.key, f.default ?? '']));

/**
 * Live data sources (HubSpot, ConnectWise PSA...: sources/live-source-registry.ts). Keys are written once and
 * never shown again: they go encrypted into the extension's IndexedDB; the background syncs with
 * them on a schedule.
 */
export function SourcesPanel({ policy = {} }: { policy?: ManagedPolicy }) {
  const [sources, setSources] = useState<SourceConfig[]>([]);
  const [status, setStatus] = useState<Record<string, SourceStatus>>({});
  const [saved, setSaved] = useState<Record<string, string | undefined>>({});
  const [kind, setKind] = useState((liveSource(FIRST_KIND) ?? LIVE_SOURCES[0]!).kind);
  const source = liveSource(kind)!;
  const [label, setLabel] = useState(source.name);
  const [values, setValues] = useState<Values>(() => defaults(source));
  const [note, setNote] = useState<Note>();
  /** Test results, by source id ("new" for the form). */
  const [checks, setChecks] = useState<Record<string, ConnectionCheck[] | 'running'>>({});
  const [syncEvery, setSyncEvery] = useState(30);
  /** What the form's sign-in gave (for sources with a sign-in), until saved. */
  const [signedIn, setSignedIn] = useState<SignedIn>();

  useEffect(() => {
    void sourcesItem.getValue().then(setSources);
    void sourceStatusItem.getValue().then(setStatus);
    void syncIntervalItem.getValue().then(setSyncEvery);
    const a = sourcesItem.watch((v) => setSources(v ?? []));
    const b = sourceStatusItem.watch((v) => setStatus(v ?? {}));
    return () => {
      a();
      b();
    };
  }, []);
  useEffect(() => {
    const db = openSecrets();
    void Promise.all(sources.map(async (s) => [s.id, await credentialsSavedAt(db, s.id)] as const)).then((p) =>
      setSaved(Object.fromEntries(p)),
    );
  }, [sources]);

  const chooseKind = (next: string) => {
    const s = liveSource(next)!;
    setKind(next);
    setLabel(s.name);
    setValues(defaults(s));
    setSignedIn(undefined);
    setChecks((c) => ({ ...c, new: [] }));
  };

  const sync = async (id: string) => {
    setNote(undefined);
    // A worker stopped mid-sync drops the answer. Asking again wakes a new one, which goes on
    // from the sync's saved cursor (or joins the sync if it still runs); the status line shows
    // the outcome either way, and the watchdog alarm resumes it if this page is closed. Every
    // asking carries the time of the click, so one that comes after the sync finished starts no other.
    const reply = await askBackground({ type: 'source:sync', id, askedAt: Date.now() }, { patienceMs: 90_000 });
    if (reply && !reply.ok) setNote({ tone: 'error', text: reply.error });
  };

  const split = (withSignIn: boolean) => {
    const settings: Values = {};
    const secrets: Values = {};
    for (const f of source.fields.filter((f) => !f.fromSignIn))
      (f.secret ? secrets : settings)[f.key] = (values[f.key] ?? '').trim();
    return withSignIn && signedIn
      ? { settings: { ...settings, ...signedIn.settings }, secrets: { ...secrets, ...signedIn.secrets } }
      : { settings, secrets };
  };

  /**
   * The form's values, checked; undefined (with a note saying why) when unusable. A source with a
   * sign-in needs it done first, unless this is the sign-in itself.
   */
  const formInput = (withSignIn = true): { origin: string; settings: Values; secrets: Values } | undefined => {
    const { settings, secrets } = split(withSignIn);
    const empty = source.fields.find(
      (f) => !f.fromSignIn && !(f.key in settings ? settings[f.key] : secrets[f.key]) && !f.default && !f.optional,
    );
    if (empty)
      return void setNote({ tone: 'error', text: t('sources.missing', [tDynamic(`sources.field.${empty.key}`)]) });
    if (withSignIn && source.signIn && !signedIn)
      return void setNote({ tone: 'error', text: t('sources.signInFirst', [source.name]) });
    try {
      return { origin: source.origin(settings), settings, secrets };
    } catch {
      const address = source.fields.find((f) => f.type === 'url');
      return void setNote({
        tone: 'error',
        text: t('sources.badAddress', [address ? (settings[address.key] ?? '') : '']),
      });
    }
  };

  const runTest = async (key: string, s: LiveSource, settings: Values, secrets: Values | undefined) => {
    if (!secrets)
      return setChecks((c) => ({ ...c, [key]: [{ what: 'key', ok: false, message: t('sources.noTokenSaved') }] }));
    setChecks((c) => ({ ...c, [key]: 'running' }));
    const result = await s.test(settings, secrets);
    setChecks((c) => ({ ...c, [key]: result }));
  };

  // permissions.request must run in the click itself: nothing is awaited before it.
  const testForm = () => {
    setNote(undefined);
    const input = formInput();
    if (!input) return;
    void browser.permissions
      .request({ origins: [hostPattern(input.origin)] })
      .then((granted) =>
        granted
          ? runTest('new', source, input.settings, input.secrets)
          : setNote({ tone: 'error', text: t('sources.notGranted', [input.origin]) }),
      );
  };

  const signInForm = () => {
    setNote(undefined);
    const input = formInput(false);
    if (!input || !source.signIn) return;
    const s = source;
    void signInWith(s, input.settings)
      .then((result) => {
        if (result === 'not granted')
          return setNote({
            tone: 'error',
            text: t('sources.notGranted', [s.signIn!.origins(input.settings).join(', ')]),
          });
        setSignedIn(result);
        setNote({ tone: 'ok', text: t('sources.signedIn', [s.name]) });
      })
      .catch((e: unknown) => setNote({ tone: 'error', text: t('sources.signInFailed', [signInError(e)]) }));
  };

  /** Sign a saved source in again (its refresh token was refused): new keys, the same source. */
  const signInSaved = (s: SourceConfig) => {
    const def = liveSource(s.kind);
    if (!def?.signIn) return;
    setNote(undefined);
    void signInWith(def, { base: s.base, ...s.settings })
      .then(async (result) => {
        if (result === 'not granted') return setNote({ tone: 'error', text: t('sources.notGranted', [s.base]) });
        await saveCredentials(openSecrets(), s.id, result.secrets);
        await sourcesItem.setValue(
          (await sourcesItem.getValue()).map((x) =>
            x.id === s.id ? { ...x, settings: { ...x.settings, ...result.settings } } : x,
          ),
        );
        setNote({ tone: 'ok', text: t('sources.signedIn', [def.name]) });
      })
      .catch((e: unknown) => setNote({ tone: 'error', text: t('sources.signInFailed', [signInError(e)]) }));
  };

  const testSaved = (s: SourceConfig) => {
    const def = liveSource(s.kind);
    if (!def) return;
    void browser.permissions.request({ origins: [hostPattern(s.base)] }).then(async (granted) => {
      if (!granted) return setNote({ tone: 'error', text: t('sources.notGranted', [s.base]) });
      const secrets = await loadCredentials(openSecrets(), s.id).catch(() => undefined);
      await runTest(s.id, def, { base: s.base, ...s.settings }, secrets);
    });
  };

  const add = (e: Event) => {
    e.preventDefault();
    setNote(undefined);
    const input = formInput();
    if (!input) return;
    const { origin, settings, secrets } = input;
    void browser.permissions.request({ origins: [hostPattern(origin)] }).then(async (granted) => {
      if (!granted) return setNote({ tone: 'error', text: t('sources.notGranted', [origin]) });
      const id = `${kind}-${Date.now().toString(36)}`;
      await saveCredentials(openSecrets(), id, secrets);
      const name = label.trim() || source.name;
      await sourcesItem.setValue([
        ...(await sourcesItem.getValue()),
        { id, kind, label: name, base: origin, settings },
      ]);
      setValues(defaults(source));
      setSignedIn(undefined);
      setChecks((c) => ({ ...c, new: [] }));
      setNote({ tone: 'ok', text: t('sources.added', [name]) });
      await sync(id);
    });
  };

  // The background removes it all (services/data-writes.ts): it is the only writer of sales data.
  const remove = (s: SourceConfig) => removeSourceThroughBackground(s.id);

  return (
    <>
      {sources.length > 0 && (
        <section class="card" aria-labelledby="sources-title">
          <h2 id="sources-title">{t('sources.title')}</h2>
          <label>
            {t('sources.interval')}{' '}
            <select
              value={String(syncEvery)}
              disabled={policy.syncIntervalMinutes !== undefined}
              onChange={(e) => {
                const minutes = Number(e.currentTarget.value);
                setSyncEvery(minutes);
                void syncIntervalItem.setValue(minutes);
              }}
            >
              {[...new Set([...INTERVALS, syncEvery])].map((m) => (
                <option key={m} value={String(m)}>
                  {m < 60 ? t('sources.minutes', [String(m)]) : t('sources.hours', [String(m / 60)])}
                </option>
              ))}
            </select>
          </label>
          {policy.syncIntervalMinutes !== undefined && <Managed />}
          {sources.map((s) => (
            <SavedSource
              key={s.id}
              source={s}
              status={status[s.id]}
              savedAt={saved[s.id]}
              checks={checks[s.id]}
              onSync={() => void sync(s.id)}
              onTest={() => testSaved(s)}
              onSignIn={() => signInSaved(s)}
              onRemove={() => void remove(s)}
            />
          ))}
        </section>
      )}
      <section class="card" aria-labelledby="add-source-title">
        <h2 id="add-source-title">{t('sources.addTitle')}</h2>
        <form onSubmit={add}>
          <div class="mapping">
            <label>
              <span>{t('sources.kind')}</span>
              <select value={kind} onChange={(e) => chooseKind(e.currentTarget.value)}>
                {LIVE_SOURCES.map((s) => (
                  <option key={s.kind} value={s.kind}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('sources.label')}</span>
              <input type="text" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
            </label>
          </div>
          <p class="muted small">{tDynamic(`sources.about.${kind}`)}</p>
          {source.signIn && (
            <p class="muted small" data-testid="callback-url">
              {t('sources.callbackUrl', [redirectUrl()])}
            </p>
          )}
          <div class="mapping">
            {source.fields
              .filter((f) => !f.fromSignIn)
              .map((f) => (
                <label key={`${kind}-${f.key}`}>
                  <span>{tDynamic(`sources.field.${f.key}`)}</span>
                  <input
                    type={f.type}
                    autoComplete="off"
                    value={values[f.key] ?? ''}
                    onInput={(e) => {
                      const v = e.currentTarget.value;
                      setValues((old) => ({ ...old, [f.key]: v }));
                    }}
                  />
                </label>
              ))}
          </div>
          <div class="row">
            {source.signIn && (
              <button type="button" onClick={signInForm} aria-pressed={!!signedIn}>
                {signedIn ? '✓ ' : ''}
                {t('sources.signIn', [source.name])}
              </button>
            )}
            <button type="submit" class="primary">
              {t('sources.save')}
            </button>
            <button type="button" onClick={testForm}>
              {t('sources.test')}
            </button>
          </div>
        </form>
        <Checks result={checks.new} />
        {note && (
          <p
            role={note.tone === 'error' ? 'alert' : 'status'}
            class={note.tone === 'error' ? 'errors' : ''}
            data-testid="sources-note"
          >
            {note.text}
          </p>
        )}
      </section>
    </>
  );
}
