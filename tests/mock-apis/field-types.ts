// What the mocks' contract tables (tests/mock-apis/*-contract.ts) share: the JSON types a table
// gives a field and the check of an answer against a table. The facts themselves (which fields,
// which types, which are required, how a vendor writes its dates) stay in each vendor's table.

export type FieldType =
  'string' | 'integer' | 'number' | 'boolean' | 'datetime' | 'array' | 'object' | 'reference' | 'any';

/** A date-time Date.parse reads (ISO 8601 and the like). */
export const isParsableDate = (v: unknown): boolean => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * Whether a value (not null) is of the type: "object" and "reference" are an object that is no
 * array, "any" is anything, "datetime" is what `isDate` accepts.
 */
export function hasType(value: unknown, type: FieldType, isDate: (v: unknown) => boolean = isParsableDate): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return isDate(value);
    case 'array':
      return Array.isArray(value);
    case 'any':
      return true;
    default:
      return !!value && typeof value === 'object' && !Array.isArray(value);
  }
}

/** One row of a table: a model's field, its type, and whether it may be null. */
export interface ModelField {
  model: string;
  field: string;
  type: FieldType;
  nullable?: boolean;
}

/** A field's value that breaks its row (null where it may not be, or another type), in words. */
export function typeProblem(value: unknown, fact: ModelField, isDate?: (v: unknown) => boolean): string | undefined {
  if (value === null) return fact.nullable ? undefined : `${fact.model}.${fact.field} is null`;
  return hasType(value, fact.type, isDate)
    ? undefined
    : `${fact.model}.${fact.field} should be ${fact.type}, is ${JSON.stringify(value)}`;
}

export interface TableCheck<F extends ModelField> {
  /** A field an answer must carry. */
  required?: (fact: F) => boolean;
  /** "Model.field" -> the model of each item of that array field, checked by the same table. */
  items?: Record<string, string>;
  /** "Model.field" -> the model of that object field, checked by the same table. */
  references?: Record<string, string>;
  isDate?: (v: unknown) => boolean;
}

/**
 * What is wrong with an answer of a model, by the table: a required field missing, a field of the
 * wrong type, and the same for the items and references the table names. Fields the table does not
 * list are not checked (vendors send many more).
 */
export function modelProblems<F extends ModelField>(
  table: readonly F[],
  model: string,
  value: unknown,
  check: TableCheck<F> = {},
): string[] {
  const facts = table.filter((x) => x.model === model);
  if (!facts.length) return [`no contract for the model ${model}`];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${model} is not an object`];
  const o = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const fact of facts) {
    if (o[fact.field] === undefined) {
      if (check.required?.(fact)) problems.push(`${model}.${fact.field} is missing`);
      continue;
    }
    const problem = typeProblem(o[fact.field], fact, check.isDate);
    if (problem) problems.push(problem);
    const items = check.items?.[`${model}.${fact.field}`];
    if (items && Array.isArray(o[fact.field]))
      (o[fact.field] as unknown[]).forEach((item) => problems.push(...modelProblems(table, items, item, check)));
    const ref = check.references?.[`${model}.${fact.field}`];
    if (ref && o[fact.field]) problems.push(...modelProblems(table, ref, o[fact.field], check));
  }
  return problems;
}
