/**
 * HubSpot's marketing campaigns (Marketing Campaigns API v3, GET /marketing/v3/campaigns, 100 a
 * page with `after`), where the account has them. They need Marketing Hub Professional and the
 * token's marketing.campaigns.read scope; without either HubSpot answers 403, and a sync goes on
 * without campaigns, saying so (as ConnectWise's campaigns do).
 */
import { note, type SourceNote } from '@/core/source-notes';
import { PermissionError, requestJson, type HttpOptions } from './http';
import { isHsObject, type HsObject } from './hubspot-map';
import { bearer, eachPage, nextCursor } from './api-client';

export const CAMPAIGNS_SCOPE = 'marketing.campaigns.read';
export const CAMPAIGNS_PATH = '/marketing/v3/campaigns';
export const CAMPAIGNS_LEFT_OUT = note('hubspotCampaignsLeftOut', CAMPAIGNS_SCOPE);

const PROPERTIES = [
  'hs_name',
  'hs_start_date',
  'hs_end_date',
  'hs_owner',
  'hs_currency_code',
  'hs_utm',
  'hs_budget_items_sum_amount',
  'hs_spend_items_sum_amount',
];

/** A campaign as the list answers it: properties plus when it last changed (ISO). */
export type HsCampaign = HsObject & { updatedAt?: string };

/**
 * Every campaign of the account (campaigns are few: a handful of pages at most), or none and a
 * warning when the token may not read them. Other failures are thrown like any other read's.
 */
export async function readCampaigns(
  opts: HttpOptions & { token: string; base: string },
): Promise<{ campaigns: HsCampaign[]; warning?: SourceNote }> {
  const campaigns: HsCampaign[] = [];
  const pages = eachPage(async (after: string | undefined) => {
    const url = new URL(CAMPAIGNS_PATH, opts.base);
    url.searchParams.set('limit', '100');
    url.searchParams.set('properties', PROPERTIES.join(','));
    if (after) url.searchParams.set('after', after);
    const page = (await requestJson(url.href, { headers: bearer(opts.token) }, opts)) as {
      results?: unknown[];
      paging?: { next?: { after?: unknown } };
    } | null;
    return { items: page?.results ?? [], ...nextCursor(page?.paging?.next?.after, after) };
  });
  try {
    for await (const list of pages)
      for (const c of list) {
        if (!isHsObject(c)) continue;
        const updatedAt = (c as { updatedAt?: unknown }).updatedAt;
        campaigns.push({ ...c, ...(typeof updatedAt === 'string' ? { updatedAt } : {}) });
      }
  } catch (e) {
    if (e instanceof PermissionError) return { campaigns: [], warning: CAMPAIGNS_LEFT_OUT };
    throw e;
  }
  return { campaigns };
}

/** In an incremental pass, only campaigns changed since `since` (the list API cannot filter by date). */
export function changedSince(campaigns: HsCampaign[], since: string | undefined): HsCampaign[] {
  if (!since) return campaigns;
  const from = Date.parse(since);
  return campaigns.filter((c) => !c.updatedAt || !(Date.parse(c.updatedAt) < from));
}
