/** Reading a file's header row: which kind of records and which export it is, and which column fills which field. */
import { RECORD_KINDS, type RecordKind } from '@/core/model';
import { PRESETS, type Preset } from './presets';
import { KIND_SPECS, type FieldSpec } from './specs';

/** "Company Domain Name " -> "companydomainname": what header comparison sees. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Aliases of a field for one preset; the template's alias is the field name itself. */
function aliasesOf(field: string, spec: FieldSpec, preset: Preset): string[] {
  return preset === 'backstory' ? [field] : (spec.aliases[preset] ?? []);
}

/**
 * Map each field to a header index. Aliases of `preset` are tried first, so a ConnectWise file
 * maps "Status" to the stage and "Stage" to its detail, while a Salesforce "Stage" is the stage.
 */
export function autoMapping(kind: RecordKind, headers: string[], preset?: Preset): Record<string, number> {
  const first = preset ?? detectPreset(kind, headers);
  const order = [first, ...PRESETS.filter((p) => p !== first)];
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const used = new Set<number>();
  const mapping: Record<string, number> = {};
  for (const [field, spec] of Object.entries(KIND_SPECS[kind].fields)) {
    for (const p of order) {
      const hit = aliasesOf(field, spec, p)
        .map((a) => index.get(headerKey(a)))
        .find((i) => i !== undefined && !used.has(i));
      if (hit !== undefined) {
        mapping[field] = hit;
        used.add(hit);
        break;
      }
    }
  }
  return mapping;
}

/** A few header names that would fill `field`, to suggest in a "missing column" message. */
export function exampleHeaders(kind: RecordKind, field: string): string[] {
  const spec = KIND_SPECS[kind].fields[field];
  if (!spec) return [field];
  const { hubspot, salesforce, pipedrive, connectwise } = spec.aliases;
  return [
    ...new Set(
      [field, hubspot?.[0], salesforce?.[0], pipedrive?.[0], connectwise?.[0]].filter((a): a is string => !!a),
    ),
  ];
}

/** Required groups that a mapping leaves without any column. */
export function missingRequired(kind: RecordKind, mapping: Record<string, number>): string[][] {
  return KIND_SPECS[kind].required.filter((group) => !group.some((field) => mapping[field] !== undefined));
}

/** Which export the headers of a file of `kind` look like. */
export function detectPreset(kind: RecordKind, headers: string[]): Preset {
  return bestPreset(kind, headers).preset;
}

/**
 * The preset whose aliases for `kind` recognise the most headers. Our own template counts only
 * headers written as its field names ("firstName", not "First Name"), never capitalised ones
 * ("FirstName", "AccountId" are Salesforce's API names, which are our names capitalised), and wins
 * ties (a file headed "id,name,industry" is ours); other ties go to the earlier in PRESETS.
 */
function bestPreset(kind: RecordKind, headers: string[]): { preset: Preset; hits: number } {
  const keys = new Set(headers.map(headerKey));
  const exact = new Set(
    headers
      .map((h) => h.trim())
      .filter((h) => !/^[A-Z]/.test(h))
      .map((h) => h.toLowerCase()),
  );
  let best: { preset: Preset; hits: number } = { preset: 'generic', hits: 0 };
  for (const preset of ['backstory', ...PRESETS.filter((p) => p !== 'backstory')] as Preset[]) {
    let hits = 0;
    for (const [field, spec] of Object.entries(KIND_SPECS[kind].fields)) {
      if (
        preset === 'backstory'
          ? exact.has(field.toLowerCase())
          : spec.aliases[preset]?.some((a) => keys.has(headerKey(a)))
      )
        hits++;
    }
    if (hits > best.hits) best = { preset, hits };
  }
  return best;
}

export interface Detection {
  kind: RecordKind;
  preset: Preset;
  /** How many fields the headers fill: 0 means nothing was recognised. */
  score: number;
}

/**
 * Guess what a file holds from its headers: the kind whose required fields are all present and
 * that maps the most columns. Kinds missing a required field only win when no kind is complete.
 */
export function detectKind(headers: string[]): Detection {
  let best: (Detection & { complete: boolean }) | undefined;
  for (const kind of RECORD_KINDS) {
    const { preset } = bestPreset(kind, headers);
    const mapping = autoMapping(kind, headers, preset);
    const score = Object.keys(mapping).length;
    const complete = missingRequired(kind, mapping).length === 0;
    const better = !best || (complete && !best.complete) || (complete === best.complete && score > best.score);
    if (better) best = { kind, preset, score, complete };
  }
  const { kind, preset, score } = best!;
  return { kind, preset, score };
}
