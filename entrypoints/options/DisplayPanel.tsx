import { displaySettings, type DisplaySettings } from '@/storage/settings';

const FIELDS: [keyof DisplaySettings['show'], string][] = [
  ['campaign', 'Originating campaign'],
  ['deal', 'Winning deal and sales rep'],
  ['promises', 'Promises made'],
  ['contactRole', "Ticket contact's role"],
  ['notes', 'Sales notes'],
  ['matchReason', 'Why the account matched'],
];

/** What technicians see in the sidebar and popup. Saved at once; open sidebars follow. */
export function DisplayPanel({ settings }: { settings: DisplaySettings }) {
  const save = (patch: Partial<DisplaySettings>) => void displaySettings.setValue({ ...settings, ...patch });
  return (
    <>
      <section class="card" aria-labelledby="fields-title">
        <h2 id="fields-title">Fields technicians see</h2>
        {FIELDS.map(([key, label]) => (
          <div key={key}>
            <label>
              <input
                type="checkbox"
                checked={settings.show[key]}
                onChange={(e) => save({ show: { ...settings.show, [key]: e.currentTarget.checked } })}
              />{' '}
              {label}
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
            Hide deal values
          </label>
        </div>
      </section>
      <section class="card" aria-labelledby="theme-title">
        <h2 id="theme-title">Theme</h2>
        <label for="theme">Colours </label>
        <select id="theme" value={settings.theme} onChange={(e) => save({ theme: e.currentTarget.value as DisplaySettings['theme'] })}>
          <option value="auto">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </section>
    </>
  );
}
