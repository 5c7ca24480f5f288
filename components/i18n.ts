import { browser } from '#imports';
import { i18n } from '#i18n';
import type { MatchExplanation, ReasonPart } from '@/core/match';

/** Every user-facing string comes from locales/*.yml through this (type-checked keys). */
export const t = i18n.t;

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
