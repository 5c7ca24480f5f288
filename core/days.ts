/** Arithmetic on ISO calendar days ("2026-11-20"), in UTC: no time zone moves a day. */

const DAY_MS = 86_400_000;
export function toDays(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}
export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}
export function addDays(iso: string, n: number): string {
  return fromDays(toDays(iso) + n);
}
export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export function monthName(iso: string): string {
  return MONTHS[Number(iso.slice(5, 7)) - 1]!;
}
export function prettyDate(iso: string): string {
  return `${monthName(iso).slice(0, 3)} ${Number(iso.slice(8, 10))}`;
}
export function quarterOf(iso: string): string {
  return `Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1} ${iso.slice(0, 4)}`;
}
