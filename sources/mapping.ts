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
import { msg, type ErrorList, type ImportMessage } from './import-types';
import { isForbiddenKey } from './values';

export interface MappingChoice {
  kind: RecordKind;
  preset: Preset;
  mapping: Record<string, number>;
  /** Headers no field reads, as the file wrote them (blank headers left out). */
  ignored: string[];
  /** False when rows cannot be read with this mapping (the errors say why). */
  ok: boolean;
}

const DELIMITER_NAMES: Record<string, ImportMessage> = {
  ',': msg('delimComma'),
  ';': msg('delimSemicolon'),
  '\t': msg('delimTab'),
  '|': msg('delimPipe'),
};

export function chooseMapping(
  headers: string[],
  errors: ErrorList,
  warn: (message: ImportMessage) => void,
  opts: { kind?: RecordKind; mapping?: Record<string, number>; delimiter?: string; what: 'column' | 'key' },
): MappingChoice {
  let ok = true;
  const what = msg(opts.what === 'column' ? 'wordColumn' : 'wordKey');
  headers.forEach((h) => {
    if (isForbiddenKey(h.trim())) {
      errors.add(1, h, msg('headerNotAllowed', what, JSON.stringify(h.trim())));
      ok = false;
    }
  });

  const detected = opts.kind ? undefined : detectKind(headers);
  const kind = opts.kind ?? detected!.kind;
  const preset = detected?.preset ?? detectPreset(kind, headers);
  const mapping = opts.mapping
    ? checkUserMapping(kind, headers, opts.mapping, errors)
    : autoMapping(kind, headers, preset);
  if (!mapping) return { kind, preset, mapping: {}, ignored: [], ok: false };

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
          ? msg('oneQuotedValue', DELIMITER_NAMES[sep]!)
          : msg('separatedBy', DELIMITER_NAMES[sep]!, DELIMITER_NAMES[delim]!);
      errors.add(1, stray, msg('wrongDelimiter', why));
    } else if (unknown) {
      errors.add(1, '', msg('unknownColumns', what, found));
    } else {
      for (const group of missing) {
        const examples = group
          .flatMap((f) => exampleHeaders(kind, f))
          .map((h) => JSON.stringify(h))
          .join(', ');
        const args = [what, msg(kind), group.join(' / '), examples, found] as const;
        errors.add(
          1,
          '',
          stray !== undefined
            ? msg('missingRequiredHint', ...args, JSON.stringify(stray))
            : msg('missingRequired', ...args),
        );
      }
    }
  }

  const seen = new Set<string>();
  const used = new Set(Object.values(mapping));
  const ignored: string[] = [];
  headers.forEach((h, i) => {
    if (seen.has(h) && h) warn(msg('duplicateHeader', what, JSON.stringify(h)));
    seen.add(h);
    if (!used.has(i) && h.trim()) ignored.push(h);
  });
  return { kind, preset, mapping, ignored, ok };
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
      errors.add(0, '', msg('mappingField', JSON.stringify(field), msg(kind)));
      ok = false;
    } else if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
      errors.add(0, '', msg('mappingColumn', field, String(index), String(headers.length)));
      ok = false;
    } else out[field] = index;
  }
  return ok ? out : undefined;
}
