/**
 * A sync's or a connection test's failure in the user's language: its code and arguments
 * (sources/http.ts ERROR_CODES, locales syncError.<code>) when it has them, else the plain words
 * it was stored with (runs kept from before errors had codes, errors without one).
 */
import { ERROR_CODES, type ErrorDetail } from '@/sources/http';
import { tDynamic } from '@/i18n/i18n';

export function errorText(message: string | undefined, detail?: ErrorDetail): string {
  if (detail && (ERROR_CODES as readonly string[]).includes(detail.code) && Array.isArray(detail.args))
    return tDynamic(`syncError.${detail.code}`, detail.args.map(String));
  return message ?? '';
}
