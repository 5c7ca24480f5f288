import { browser } from '#imports';
import { i18n } from '#i18n';
import type { MatchExplanation, ReasonPart } from '@/core/match';
import { loadStandIn } from './stand-in';
import { pluralForm, type GetMessage } from './catalogue';

let standIn: GetMessage | undefined;
const browserT = i18n.t as (key: string, ...args: unknown[]) => string;

/**
 * Every user-facing string comes from locales/*.yml through this (type-checked keys): the
 * browser's catalogue, or the stand-in when the browser's came up empty (see i18nReady).
 */
export const t = ((key: string, ...args: unknown[]) => {
  if (!standIn) return browserT(key, ...args);
  // The same arguments as @wxt-dev/i18n's t: a count for plural forms, a substitution list.
  const count = args.find((a): a is number => typeof a === 'number');
  const subs = args.find((a): a is string[] => Array.isArray(a)) ?? (count === undefined ? undefined : [String(count)]);
  const message = standIn(key.replaceAll('.', '_'), subs);
  return count === undefined ? message : pluralForm(message, count);
}) as typeof i18n.t;

/**
 * Called by each extension page before its first render: when the browser answers no message,
 * not even its UI locale, the page's strings come from the message files themselves
 * (i18n/stand-in.ts says when that happens). Costs one lookup otherwise.
 */
export async function i18nReady(): Promise<void> {
  standIn = browser.i18n.getMessage('@@ui_locale') ? undefined : await loadStandIn();
}

/** The browser's UI language, for dates, numbers and currencies. */
export function uiLocale(): string | undefined {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}

const part = (p: ReasonPart) => t(`match.part.${p.what}`, [p.value]);

/** "matched by contact email dana@…" in the user's language. */
export function explainMatch(e: MatchExplanation): string {
  const parts = (list: ReasonPart[]) => list.map(part).join(t('match.and'));
  switch (e.kind) {
    case 'pin':
      return t('match.pinned', [e.label]);
    case 'ambiguous':
      return t('match.ambiguous', [String(e.count), parts(e.parts)]);
    case 'none':
      return e.parts.length ? t('match.noneFor', [e.parts.map(part).join(', ')]) : t('match.nothing');
    case 'matched': {
      const by = t('match.matchedBy', [parts(e.parts)]);
      return e.conflict ? t('match.conflict', [by, part(e.conflict.part), e.conflict.names.join(', ')]) : by;
    }
  }
}

const FIELDS = ['company', 'contactEmail', 'contactName', 'ticketId', 'api', 'page'] as const;
/** A field an adapter could not read, in words. */
export function fieldName(field: string): string {
  return (FIELDS as readonly string[]).includes(field) ? t(`match.field.${field as (typeof FIELDS)[number]}`) : field;
}

/** For keys computed at run time (checked by the catalogue tests instead of the compiler). */
export const tDynamic = t as unknown as (key: string, substitutions?: string[]) => string;
