import { readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

/** A locale's messages as the browser sees them (_locales/<lang>/messages.json), from locales/<lang>.yml. */
export function catalog(lang: string): Record<string, { message: string }> {
  return generateChromeMessages(parseMessagesText(readFileSync(`locales/${lang}.yml`, 'utf8'), 'YAML'));
}

/** browser.i18n.getMessage over a catalogue: $1..$9 substitutions and $$ escapes. */
export function getMessageFrom(messages: Record<string, { message: string }>) {
  return (name: string, subs?: string | string[]): string => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const text = messages[name]?.message ?? '';
    return text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (list[Number(d) - 1] ?? '')));
  };
}
