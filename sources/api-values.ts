/**
 * Reading the values of a vendor API's JSON, for the mappings (sources/<product>-map.ts): what is
 * not of the expected type reads as undefined, never as an error, and a record's ids are built one
 * way for every source. Vendor-specific readings (HubSpot's numbers as strings, Halo's "no date"
 * 1900-01-01) stay in their mapping.
 */

/** A string's trimmed text, or undefined when it is empty or not a string. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A finite number, or undefined. */
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A date or date-time string's day (2026-12-01, in UTC), or undefined when it is not a date. */
export const day = (v: unknown): string | undefined => {
  const s = str(v);
  const d = s ? new Date(s) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;
};

/** An id that is a whole number above zero, or undefined. */
export const positiveId = (v: unknown): number | undefined =>
  Number.isInteger(v) && (v as number) > 0 ? (v as number) : undefined;

/** A record's ids: its id in the source (`company-12`) and the one Backstory keeps (`autotask:company-12`). */
export const recordIds = (source: string, sourceId: string) => ({ id: `${source}:${sourceId}`, source, sourceId });
