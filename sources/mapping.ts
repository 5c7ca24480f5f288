/**
 * From a file's header row (CSV) or keys (JSON) to the kind, preset and column mapping used to
 * read it, with the file-level problems: forbidden or duplicate headers, a bad user mapping,
 * required columns missing, a delimiter that left everything in one column.
 */
import type { RecordKind } from '@/core/model';
import {
  KIND_SPECS,
  autoMapping,
  detectKind,
  detectPreset,
  exampleHeaders,
  missingRequired,
  type Preset,
} from './column-maps';
import type { ErrorList } from './import-types';
import { isForbiddenKey } from './values';

export interface MappingChoice {
  kind: RecordKind;
  preset: Preset;
  mapping: Record<string, number>;
  /** False when rows cannot be read with this mapping (the errors say why). */
  ok: boolean;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': '"|"' };

export function chooseMapping(
  headers: string[],
  errors: ErrorList,
  warn: (message: string) => void,
  opts: { kind?: RecordKind; mapping?: Record<string, number>; delimiter?: string; what: 'column' | 'key' },
): MappingChoice {
  let ok = true;
  headers.forEach((h) => {
    if (isForbiddenKey(h.trim())) {
      errors.add(1, h, `${opts.what} name ${JSON.stringify(h.trim())} is not allowed`);
      ok = false;
    }
  });

  const detected = opts.kind ? undefined : detectKind(headers);
  const kind = opts.kind ?? detected!.kind;
  const preset = detected?.preset ?? detectPreset(kind, headers);
  const mapping = opts.mapping
    ? checkUserMapping(kind, headers, opts.mapping, errors)
    : autoMapping(kind, headers, preset);
  if (!mapping) return { kind, preset, mapping: {}, ok: false };

  const missing = missingRequired(kind, mapping);
  const found = headers.map((h) => JSON.stringify(h)).join(', ') || 'none';
  const delim = opts.delimiter;
  const stray = delim ? headers.find((h) => /[;\t|,]/.test(h)) : undefined;
  const unknown = detected?.score === 0 && !opts.mapping;
  if (missing.length > 0 || unknown) {
    ok = false;
    if (delim && stray !== undefined && headers.length === 1) {
      const sep = [';', '\t', '|', ','].find((d) => stray.includes(d))!;
      const why =
        sep === delim
          ? `each line is one quoted value full of ${DELIMITER_NAMES[sep]}s`
          : `the values look separated by ${DELIMITER_NAMES[sep]}s, not ${DELIMITER_NAMES[delim]}s`;
      errors.add(
        1,
        stray,
        `wrong delimiter: the header row was read as one column; ${why}. Save the file as CSV with one value per column`,
      );
    } else if (unknown) {
      errors.add(
        1,
        '',
        `no known ${opts.what}s: cannot tell whether this file holds accounts, contacts, campaigns, deals or notes; choose the kind and ${opts.what}s by hand (${opts.what}s found: ${found})`,
      );
    } else {
      const hint =
        stray !== undefined ? ` (${opts.what} ${JSON.stringify(stray)} contains a separator: wrong delimiter?)` : '';
      for (const group of missing) {
        const examples = group.flatMap((f) => exampleHeaders(kind, f)).map((h) => JSON.stringify(h));
        errors.add(
          1,
          '',
          `missing a required ${opts.what} for ${kind}s: ${group.join(' or ')} (e.g. ${examples.join(', ')}); ${opts.what}s found: ${found}${hint}`,
        );
      }
    }
  }

  const seen = new Set<string>();
  const used = new Set(Object.values(mapping));
  const ignored: string[] = [];
  headers.forEach((h, i) => {
    if (seen.has(h) && h) warn(`${opts.what} ${JSON.stringify(h)} appears twice; only the first is read`);
    seen.add(h);
    if (!used.has(i) && h.trim()) ignored.push(JSON.stringify(h));
  });
  if (ok && ignored.length)
    warn(
      `ignored ${opts.what}s: ${ignored.slice(0, 15).join(', ')}${ignored.length > 15 ? ` and ${ignored.length - 15} more` : ''}`,
    );
  return { kind, preset, mapping, ok };
}

/** A mapping chosen in the options page replaces the automatic one entirely. */
function checkUserMapping(
  kind: RecordKind,
  headers: string[],
  mapping: Record<string, number>,
  errors: ErrorList,
): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  let ok = true;
  for (const [field, index] of Object.entries(mapping)) {
    if (isForbiddenKey(field) || !Object.hasOwn(KIND_SPECS[kind].fields, field)) {
      errors.add(0, '', `mapping names ${JSON.stringify(field)}, which is not a field of ${kind}s`);
      ok = false;
    } else if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
      errors.add(0, '', `mapping for ${field} points at column ${index}, but the file has ${headers.length} columns`);
      ok = false;
    } else out[field] = index;
  }
  return ok ? out : undefined;
}
