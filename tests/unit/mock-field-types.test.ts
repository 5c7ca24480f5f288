// The check the mocks' contract tables share (tests/mock-apis/field-types.ts) refuses what breaks a
// row: a value of another type, null where the row does not allow it, a required field missing,
// and the same inside the items and references a table names.
import { describe, expect, it } from 'vitest';
import { hasType, modelProblems, type ModelField } from '../mock-apis/field-types';

describe('hasType', () => {
  it('tells each type from the others', () => {
    const values: [string, unknown][] = [
      ['string', 'x'],
      ['integer', 3],
      ['number', 3.5],
      ['boolean', false],
      ['datetime', '2026-11-20T09:00:00Z'],
      ['array', []],
      ['object', { id: 1 }],
    ];
    for (const [type, value] of values)
      for (const [other] of values) {
        // An integer is a number too, and a date-time is written as a string.
        const expected =
          other === type || (other === 'number' && type === 'integer') || (other === 'string' && type === 'datetime');
        expect([type, other, hasType(value, other as ModelField['type'])]).toEqual([type, other, expected]);
      }
    expect(hasType([], 'reference')).toBe(false);
    expect(hasType('not a date', 'datetime')).toBe(false);
    expect(hasType('2026-11-20 09:00:00', 'datetime', (v) => v === '2026-11-20 09:00:00')).toBe(true);
    expect(hasType(undefined, 'any')).toBe(true);
  });
});

describe('modelProblems', () => {
  const table: (ModelField & { required?: boolean })[] = [
    { model: 'Deal', field: 'id', type: 'integer', required: true },
    { model: 'Deal', field: 'title', type: 'string' },
    { model: 'Deal', field: 'closed', type: 'datetime', nullable: true },
    { model: 'Deal', field: 'people', type: 'array' },
    { model: 'Deal', field: 'owner', type: 'reference' },
    { model: 'Person', field: 'email', type: 'string' },
    { model: 'User', field: 'id', type: 'integer', required: true },
  ];
  const check = {
    required: (f: { required?: boolean }) => !!f.required,
    items: { 'Deal.people': 'Person' },
    references: { 'Deal.owner': 'User' },
  };

  it('finds nothing wrong with an answer that keeps the table, other fields unchecked', () => {
    const deal = { id: 1, title: 'T', closed: null, people: [{ email: 'a@b.example' }], owner: { id: 2 }, more: 1 };
    expect(modelProblems(table, 'Deal', deal, check)).toEqual([]);
  });

  it('names each broken row, nested ones too', () => {
    const deal = { title: null, closed: 'soon', people: [{ email: 7 }], owner: { name: 'x' } };
    expect(modelProblems(table, 'Deal', deal, check)).toEqual([
      'Deal.id is missing',
      'Deal.title is null',
      'Deal.closed should be datetime, is "soon"',
      'Person.email should be string, is 7',
      'User.id is missing',
    ]);
    expect(modelProblems(table, 'Deal', [], check)).toEqual(['Deal is not an object']);
    expect(modelProblems(table, 'Lead', {}, check)).toEqual(['no contract for the model Lead']);
  });
});
