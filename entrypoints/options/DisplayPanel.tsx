import { useEffect, useState } from 'preact/hooks';
import { displaySettings, storyPlace, type DisplaySettings, type StoryPlace } from '@/storage/settings';
import { t } from '@/i18n/i18n';
import type { ManagedPolicy } from '@/core/policy';
import { Managed } from './policy-ui';

const FIELDS = [
  'campaign',
  'deal',
  'promises',
  'contactRole',
  'notes',
  'matchReason',
] as const satisfies readonly (keyof DisplaySettings['show'])[];

/** What technicians see in the sidebar and popup. Saved at once; open sidebars follow. */
export function DisplayPanel({ settings, policy = {} }: { settings: DisplaySettings; policy?: ManagedPolicy }) {
  // What the organisation's policy sets is shown locked.
  const locked = policy.display ?? {};
  const save = (patch: Partial<DisplaySettings>) => void displaySettings.setValue({ ...settings, ...patch });
  const [place, setPlace] = useState<StoryPlace>();
  useEffect(() => {
    void storyPlace.getValue().then(setPlace);
    return storyPlace.watch((v) => setPlace(v ?? 'page'));
  }, []);
  return (
    <>
      <fieldset class="card" aria-describedby="place-hint">
        <legend>
          <h2>{t('panel.place')}</h2>
        </legend>
        {(['panel', 'page'] as const).map((value) => (
          <div key={value}>
            <label>
              <input
                type="radio"
                name="storyPlace"
                value={value}
                checked={place === value}
                onChange={() => void storyPlace.setValue(value)}
              />{' '}
              {t(value === 'panel' ? 'panel.placePanel' : 'panel.placePage')}
            </label>
          </div>
        ))}
        <p id="place-hint" class="small muted">
          {t('panel.placeHint')}
        </p>
      </fieldset>
      <section class="card" aria-labelledby="fields-title">
        <h2 id="fields-title">{t('display.fields')}</h2>
        {FIELDS.map((key) => (
          <div key={key}>
            <label>
              <input
                type="checkbox"
                checked={settings.show[key]}
                disabled={locked.show?.[key] !== undefined}
                onChange={(e) => save({ show: { ...settings.show, [key]: e.currentTarget.checked } })}
              />{' '}
              {t(`display.field.${key}`)}
            </label>
            {locked.show?.[key] !== undefined && <Managed />}
          </div>
        ))}
        <div style="margin-top:8px">
          <label>
            <input
              type="checkbox"
              name="hideDealValues"
              checked={settings.hideDealValues}
              disabled={locked.hideDealValues !== undefined}
              onChange={(e) => save({ hideDealValues: e.currentTarget.checked })}
            />{' '}
            {t('display.hideValues')}
          </label>
          {locked.hideDealValues !== undefined && <Managed />}
        </div>
      </section>
      <section class="card" aria-labelledby="theme-title">
        <h2 id="theme-title">{t('display.theme')}</h2>
        <label for="theme">{t('display.colours')} </label>
        <select
          id="theme"
          value={settings.theme}
          disabled={locked.theme !== undefined}
          onChange={(e) => save({ theme: e.currentTarget.value as DisplaySettings['theme'] })}
        >
          <option value="auto">{t('display.themeAuto')}</option>
          <option value="light">{t('display.themeLight')}</option>
          <option value="dark">{t('display.themeDark')}</option>
        </select>
        {locked.theme !== undefined && <Managed />}
      </section>
    </>
  );
}
