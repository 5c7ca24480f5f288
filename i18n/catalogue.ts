/** Message files read the way browser.i18n does (pure: no browser API, so tests load it early). */

export type Catalogue = Record<string, { message: string } | undefined>;
export type GetMessage = (name: string, substitutions?: string | string[]) => string;

/** browser.i18n.getMessage over a catalogue: $1..$9 substitutions and $$ escapes, '' when missing. */
export function messageFrom(messages: Catalogue): GetMessage {
  return (name, substitutions) => {
    const list = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const text = messages[name]?.message ?? '';
    return text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (list[Number(d) - 1] ?? '')));
  };
}

/** The locales Chrome would try for a UI language, best first: de-AT → de_AT, de; then the default. */
export function localeCandidates(uiLanguage: string, defaultLocale: string): string[] {
  const full = uiLanguage.replace('-', '_');
  const base = full.split('_')[0]!;
  return [...new Set([full, base, defaultLocale].filter(Boolean))];
}

/**
 * A plural message ("one | many", or "none | one | many") for a count, as @wxt-dev/i18n picks it.
 */
export function pluralForm(message: string, count: number): string {
  const forms = message.split(' | ');
  if (forms.length === 2) return forms[count === 1 ? 0 : 1]!;
  if (forms.length === 3) return forms[count === 0 || count === 1 ? count : 2]!;
  return message;
}
