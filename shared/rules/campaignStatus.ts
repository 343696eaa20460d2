/** A campaign is prepared in draft, answered while open, reported on once closed. */
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Who is evaluated, and by whom, may change until the campaign closes. */
export const isEditable = (status: string): boolean => status === 'draft' || status === 'open';
