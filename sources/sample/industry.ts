/** What the sample world knows of one industry (sources/sample/industries.ts lists them). */
import type { Country, Role } from './world';

export interface Industry {
  label: string;
  seats: [number, number];
  /** Per-seat monthly price range in the deal currency. */
  perSeat: [number, number];
  titles: Record<Role, string[]>;
  /** Line-of-business systems by country; `{sys}` in the texts below. */
  systems: Record<Country, string[]>;
  products: string[];
  promises: string[];
  pains: string[];
  /** US campaign mix. Missing key: no campaign. */
  campaigns: Array<readonly [string, number]>;
  /** What keeps the decision maker busy in the morning. */
  busy: string;
}

export const NO_CAMPAIGN = '';
