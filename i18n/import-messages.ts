import { t, tDynamic } from './i18n';
import { isImportError, type ImportError, type ImportMessage, type MessageArg } from '@/sources/import-types';

/**
 * The importer's messages in the user's language. The importer gives each problem as a code and
 * its arguments ({ code, file, line, column, args }); the words are importMsg.<code> in
 * locales/*.yml. An argument that is itself a message is worded the same way.
 */
export function describeImportMessage(m: ImportMessage): string {
  return tDynamic(`importMsg.${m.code}`, (m.args ?? []).map(describeArg));
}

function describeArg(a: MessageArg): string {
  if (typeof a === 'string') return a;
  return isImportError(a) ? describeImportError(a) : describeImportMessage(a);
}

/** "deals.csv line 3, column "Amount": "12k" is not a number", in the user's language. */
export function describeImportError(e: ImportError): string {
  const message = describeImportMessage(e);
  const { file, column } = e;
  if (e.item !== undefined) {
    const n = String(e.item);
    return column ? t('where.item', [file, n, column, message]) : t('where.itemOnly', [file, n, message]);
  }
  if (e.line > 0) {
    const n = String(e.line);
    return column ? t('where.line', [file, n, column, message]) : t('where.lineOnly', [file, n, message]);
  }
  return t('where.file', [file, message]);
}
