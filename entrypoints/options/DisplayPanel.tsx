import { displaySettings, type DisplaySettings } from '@/storage/settings';
import { t } from '@/i18n/i18n';

const FIELDS = [
  'campaign',
  'deal',
  'promises',
  'contactRole',
  'notes',
  'matchReason',
] as const satisfies readonly (keyof DisplaySettings['show'])[];

/** What technicians see in the sidebar and popup. Saved at once; open sidebars follow. */
export function DisplayPanel({ settings }: { settings: DisplaySettings }) {
  const save = (patch: Partial<DisplaySettings>) => void displaySettings.setValue({ ...settings, ...patch });
  return (
    <>
      <section class="card" aria-labelledby="fields-title">
        <h2 id="fields-title">{t('display.fields')}</h2>
        {FIELDS.map((key) => (
          <div key={key}>
            <label>
              <input
                type="checkbox"
                checked={settings.show[key]}
                onChange={(e) => save({ show: { ...settings.show, [key]: e.currentTarget.checked } })}
              />{' '}
              {t(`display.field.${key}`)}
            </label>
          </div>
        ))}
        <div style="margin-top:8px">
          <label>
            <input
              type="checkbox"
              name="hideDealValues"
              checked={settings.hideDealValues}
              onChange={(e) => save({ hideDealValues: e.currentTarget.checked })}
            />{' '}
            {t('display.hideValues')}
          </label>
        </div>
      </section>
      <section class="card" aria-labelledby="theme-title">
        <h2 id="theme-title">{t('display.theme')}</h2>
        <label for="theme">{t('display.colours')} </label>
        <select
          id="theme"
          value={settings.theme}
          onChange={(e) => save({ theme: e.currentTarget.value as DisplaySettings['theme'] })}
        >
          <option value="auto">{t('display.themeAuto')}</option>
          <option value="light">{t('display.themeLight')}</option>
          <option value="dark">{t('display.themeDark')}</option>
        </select>
      </section>
    </>
  );
}
