/**
 * A data source's failure in the user's language (a sync's, a connection test's, a sign-in's, a
 * flag delivery's): its code and arguments (core/sync-errors.ts ERROR_CODES, locales
 * syncError.<code>) when it has them, else the plain words it was stored with (runs kept from
 * before errors had codes, a vendor's own words).
 */
import { ERROR_CODES, type ErrorDetail } from '@/core/sync-errors';
import { describeImportError } from './import-messages';
import { tDynamic } from './i18n';

export function errorText(message: string | undefined, detail?: ErrorDetail): string {
  if (!detail || !(ERROR_CODES as readonly string[]).includes(detail.code) || !Array.isArray(detail.args))
    return message ?? '';
  const args = detail.args.map(String);
  // An error inside this one is worded too, in the place of $1.
  if (detail.inner) args[0] = errorText(args[0], detail.inner);
  else if (detail.importError) args[0] = describeImportError(detail.importError);
  return tDynamic(`syncError.${detail.code}`, args);
}
