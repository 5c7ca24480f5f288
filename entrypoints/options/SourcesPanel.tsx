import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { t, tDynamic } from '@/i18n/i18n';
import { askBackground } from '@/messaging/ask-background';
import type { ConnectionCheck, LiveSource, Values } from '@/sources/live-source';
import { LIVE_SOURCES, liveSource } from '@/sources/live-sources';
import { getDb } from '@/storage/db';
import { removeSource } from '@/services/import';
import { refreshSearchIndex } from '@/background-caches/search-snapshot';
import { forgetSync } from '@/sources/run-sync';
import { forgetRetries } from '@/sources/retry-state';
import {
  credentialsSavedAt,
  deleteCredentials,
  loadCredentials,
  openSecrets,
  saveCredentials,
} from '@/storage/secrets';
import {
  sourceStatusItem,
  sourcesItem,
  syncIntervalItem,
  type SourceConfig,
  type SourceStatus,
} from '@/storage/source-configs';

const INTERVALS = [15, 30, 60, 120, 240, 1440];

type Note = { tone: 'ok' | 'error'; text: string } | undefined;

const defaults = (source: LiveSource): Values => Object.fromEntries(source.fields.map((f) => [f.key, f.default ?? '']));

/**
 * Live data sources (HubSpot, ConnectWise PSA: sources/live-sources.ts). Keys are written once and
 * never shown again: they go encrypted into the extension's IndexedDB; the background syncs with
 * them on a schedule.
 */
export function SourcesPanel() {
  const [sources, setSources] = useState<SourceConfig[]>([]);
  const [status, setStatus] = useState<Record<string, SourceStatus>>({});
  const [saved, setSaved] = useState<Record<string, string | undefined>>({});
  const [kind, setKind] = useState(LIVE_SOURCES[0]!.kind);
  const source = liveSource(kind)!;
  const [label, setLabel] = useState(source.name);
  const [values, setValues] = useState<Values>(() => defaults(source));
  const [note, setNote] = useState<Note>();
  /** Test results, by source id ("new" for the form). */
  const [checks, setChecks] = useState<Record<string, ConnectionCheck[] | 'running'>>({});
  const [syncEvery, setSyncEvery] = useState(30);

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

  const split = () => {
    const settings: Values = {};
    const secrets: Values = {};
    for (const f of source.fields) (f.secret ? secrets : settings)[f.key] = (values[f.key] ?? '').trim();
    return { settings, secrets };
  };

  /** The form's values, checked; undefined (with a note saying why) when unusable. */
  const formInput = (): { origin: string; settings: Values; secrets: Values } | undefined => {
    const { settings, secrets } = split();
    const empty = source.fields.find(
      (f) => !(f.key in settings ? settings[f.key] : secrets[f.key]) && !f.default && !f.optional,
    );
    if (empty)
      return void setNote({ tone: 'error', text: t('sources.missing', [tDynamic(`sources.field.${empty.key}`)]) });
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
      .request({ origins: [`${input.origin}/*`] })
      .then((granted) =>
        granted
          ? runTest('new', source, input.settings, input.secrets)
          : setNote({ tone: 'error', text: t('sources.notGranted', [input.origin]) }),
      );
  };

  const testSaved = (s: SourceConfig) => {
    const def = liveSource(s.kind);
    if (!def) return;
    void browser.permissions.request({ origins: [`${s.base}/*`] }).then(async (granted) => {
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
    void browser.permissions.request({ origins: [`${origin}/*`] }).then(async (granted) => {
      if (!granted) return setNote({ tone: 'error', text: t('sources.notGranted', [origin]) });
      const id = `${kind}-${Date.now().toString(36)}`;
      await saveCredentials(openSecrets(), id, secrets);
      const name = label.trim() || source.name;
      await sourcesItem.setValue([
        ...(await sourcesItem.getValue()),
        { id, kind, label: name, base: origin, settings },
      ]);
      setValues(defaults(source));
      setChecks((c) => ({ ...c, new: [] }));
      setNote({ tone: 'ok', text: t('sources.added', [name]) });
      await sync(id);
    });
  };

  const remove = async (s: SourceConfig) => {
    await removeSource(getDb(), s.id);
    setTimeout(() => void refreshSearchIndex(getDb()), 50);
    await forgetSync(getDb(), s.id);
    await forgetRetries(s.id);
    await deleteCredentials(openSecrets(), s.id);
    await sourcesItem.setValue((await sourcesItem.getValue()).filter((x) => x.id !== s.id));
    const all = { ...(await sourceStatusItem.getValue()) };
    delete all[s.id];
    await sourceStatusItem.setValue(all);
  };

  return (
    <>
      {sources.length > 0 && (
        <section class="card" aria-labelledby="sources-title">
          <h2 id="sources-title">{t('sources.title')}</h2>
          <label>
            {t('sources.interval')}{' '}
            <select
              value={String(syncEvery)}
              onChange={(e) => {
                const minutes = Number(e.currentTarget.value);
                setSyncEvery(minutes);
                void syncIntervalItem.setValue(minutes);
              }}
            >
              {INTERVALS.map((m) => (
                <option key={m} value={String(m)}>
                  {m < 60 ? t('sources.minutes', [String(m)]) : t('sources.hours', [String(m / 60)])}
                </option>
              ))}
            </select>
          </label>
          {sources.map((s) => {
            const st = status[s.id];
            return (
              <div key={s.id} class="import-file" data-testid="source">
                <h3>
                  {s.label}{' '}
                  <span class="muted small">
                    {liveSource(s.kind)?.name ?? s.kind} · {s.base}
                  </span>
                </h3>
                <p class="small muted">
                  {saved[s.id]
                    ? t('sources.tokenSaved', [new Date(saved[s.id]!).toLocaleString()])
                    : t('sources.noTokenSaved')}
                </p>
                <p data-testid="source-status" role="status">
                  {st?.running
                    ? t('sources.running')
                    : st?.lastSuccess
                      ? t('sources.lastSuccess', [
                          new Date(st.lastSuccess).toLocaleString(),
                          st.runs.find((r) => r.ok)?.message ?? '',
                        ])
                      : t('sources.never')}
                </p>
                {st?.lastError && (
                  <p class="errors" data-testid="source-error">
                    {t('sources.lastError', [st.lastError])}
                  </p>
                )}
                {!!st?.runs.length && (
                  <details>
                    <summary>{t('sources.history')}</summary>
                    <ul class="small">
                      {st.runs.map((r, i) => (
                        <li key={i}>
                          {new Date(r.at).toLocaleString()} · {r.ok ? '✓' : '✗'} {r.message}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                <div class="row">
                  <button type="button" onClick={() => void sync(s.id)} disabled={st?.running}>
                    {t('sources.syncNow')}
                  </button>
                  <button type="button" onClick={() => testSaved(s)}>
                    {t('sources.test')}
                  </button>
                  <button type="button" class="danger" onClick={() => void remove(s)}>
                    {t('sources.remove')}
                  </button>
                </div>
                <Checks result={checks[s.id]} />
              </div>
            );
          })}
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
          <div class="mapping">
            {source.fields.map((f) => (
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

/** The outcome of "Test connection", one line per kind read. */
function Checks({ result }: { result: ConnectionCheck[] | 'running' | undefined }) {
  if (!result || (Array.isArray(result) && result.length === 0)) return null;
  if (result === 'running') return <p role="status">{t('sources.testing')}</p>;
  const works = result.every((c) => c.ok || c.optional);
  const complete = result.every((c) => c.ok);
  return (
    <div role="status" data-testid="connection-checks">
      <p class={works ? 'ok' : 'errors'}>
        {complete ? t('sources.testOk') : works ? t('sources.testOkPartly') : t('sources.testFailed')}
      </p>
      <ul class="small plain">
        {result.map((c) => (
          <li key={c.what} class={c.ok ? '' : c.optional ? 'warn' : 'errors'}>
            {c.ok ? '✓' : c.optional ? '!' : '✗'} {c.what}
            {c.message ? `: ${c.message}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
