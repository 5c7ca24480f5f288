/**
 * JSON import: either an array of objects of one kind (keys mapped like CSV headers) or a
 * Backstory backup. Errors point at the array item, since a JSON line number says little.
 */
import { parseJsonText, validateBackup, BackupError } from './backup';
import type { ImportInput } from './import-types';
import { msg, type ErrorList, type ImportParse } from './import-types';
import { chooseMapping } from './mapping';
import { RecordBuilder } from './rows-to-records';

export function parseJsonImport(text: string, input: ImportInput, base: ImportParse, errors: ErrorList): ImportParse {
  const out: ImportParse = { ...base, format: 'json' };
  let data: unknown;
  try {
    data = parseJsonText(text);
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    errors.add(e.line ?? 0, '', e.problem);
    return out;
  }

  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    try {
      const backup = validateBackup(data);
      const rowCount = Object.values(backup.records).reduce((n, list) => n + list.length, 0);
      return { ...out, kind: 'backup', preset: 'backstory', backup, rowCount };
    } catch (e) {
      if (!(e instanceof BackupError)) throw e;
      errors.add(0, '', e.problem);
      return out;
    }
  }
  if (!Array.isArray(data)) {
    errors.add(0, '', msg('expectedArray'));
    return out;
  }

  // Headers: every key any item uses, in order of first appearance.
  const keys = new Map<string, number>();
  data.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      errors.add(0, '', msg('expectedObject'), i + 1);
      return;
    }
    for (const k of Object.keys(item)) if (!keys.has(k)) keys.set(k, keys.size);
  });
  out.headers = [...keys.keys()];
  out.rowCount = data.length;
  if (data.length === 0) {
    errors.add(0, '', msg('emptyArray'));
    return out;
  }
  const choice = chooseMapping(out.headers, errors, (w) => out.warnings.push(w), {
    kind: input.kind === 'user' || input.kind === 'contactRole' ? undefined : input.kind,
    mapping: input.mapping,
    what: 'key',
  });
  Object.assign(out, { kind: choice.kind, preset: choice.preset, mapping: choice.mapping, ignored: choice.ignored });
  if (!choice.ok || errors.count > 0) return out;

  const builder = new RecordBuilder(choice.kind, out.source, choice.preset, errors, (w) => out.warnings.push(w));
  const keyOf = (field: string) =>
    choice.mapping[field] === undefined ? undefined : out.headers[choice.mapping[field]!];
  data.forEach((item: Record<string, unknown>, i) => {
    builder.add({
      line: 0,
      item: i + 1,
      get: (field) => {
        const key = keyOf(field);
        return key !== undefined && Object.hasOwn(item, key) ? item[key] : undefined;
      },
      column: (field) => keyOf(field) ?? field,
    });
  });
  out.records = builder.records;
  out.rows = builder.rows;
  out.textNotes = builder.textNotes;
  out.textNoteRows = builder.textNoteRows;
  return out;
}
