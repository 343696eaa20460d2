/** A campaign is prepared in draft, answered while open, reported on once closed, and kept read-only once archived. */
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Who is evaluated, and by whom, may change until the campaign closes. */
export const isEditable = (status: string): boolean => status === 'draft' || status === 'open';

/** Reports stay readable after archiving, until retention removes the records (§15). */
export const hasReports = (status: string): boolean => status === 'closed' || status === 'archived';
