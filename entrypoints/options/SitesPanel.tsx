import { HOSTED_HELPDESK_MATCHES } from '@/adapters/hosts';

/** Where Backstory runs. Adding a help desk on its own domain comes with the help-desk sites work. */
export function SitesPanel() {
  return (
    <section class="card" aria-labelledby="sites-title">
      <h2 id="sites-title">Help-desk sites</h2>
      <p>Backstory recognises ticket pages on these hosted help desks:</p>
      <ul class="small">
        {HOSTED_HELPDESK_MATCHES.map((m) => (
          <li key={m}>
            <code>{m}</code>
          </li>
        ))}
      </ul>
      <p class="muted small">Help desks on your own domain cannot be added yet.</p>
    </section>
  );
}
