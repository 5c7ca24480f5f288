import Papa from 'papaparse';

/** Cells a spreadsheet would run as a formula get a leading "'" (OWASP CSV injection advice). */
const escapeCell = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/**
 * A CSV file for people to open in a spreadsheet: a BOM so Excel reads UTF-8, CRLF lines, and
 * every cell a spreadsheet would run as a formula ("=HYPERLINK(...)" typed into a flag's note)
 * escaped with a leading "'".
 */
export function csvText(fields: readonly string[], rows: string[][]): string {
  return `\uFEFF${Papa.unparse({ fields: [...fields], data: rows.map((r) => r.map(escapeCell)) }, { newline: '\r\n' })}\r\n`;
}
