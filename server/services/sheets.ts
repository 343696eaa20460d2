import type { DB } from '../../db/connect.ts';
import { getCampaign } from '../../db/repositories/campaigns.ts';
import { claimSheets } from '../../db/repositories/deliveries.ts';
import { isEditable } from '../../shared/rules/campaignStatus.ts';
import { ApiError } from '../http/apiError.ts';
import { linkTokens } from '../security/tokens.ts';
import { qrDataUrl } from './qrImage.ts';

export interface Sheet {
  invitationId: string;
  respondentName: string;
  evaluatedName: string;
  relation: string;
  url: string;
  /** The link as a QR code: an SVG image in a data: URL, which the page's CSP allows. */
  qr: string;
}

/**
 * Issues new links for the invitations to print — those of respondents without e-mail not printed yet, or
 * the chosen ones, whose previous links stop working — and returns one sheet each. As with the link list,
 * this response is the only readable copy of the links; the account printing them holds them (link_holder).
 */
export async function printSheets(db: DB, campaignId: string, invitationIds: readonly string[] | undefined, origin: string, holderId: string) {
  const campaign = await getCampaign(db, campaignId);
  if (!campaign) throw new ApiError(404, 'campaign.notFound');
  if (!isEditable(campaign.status)) throw new ApiError(409, 'campaign.closed');
  const wanted = invitationIds ? [...new Set(invitationIds)] : null;
  const links = linkTokens();
  const targets = await claimSheets(db, campaignId, wanted, origin, links.mint, holderId);
  if (!targets) throw new ApiError(422, 'sheets.notPrintable');
  const sheets: Sheet[] = [];
  for (const t of targets) {
    const url = `${origin}/r#${links.tokenOf(t.invitationId)}`;
    sheets.push({ ...t, url, qr: await qrDataUrl(url) });
  }
  return { campaign: { name: campaign.name, deadline: campaign.deadline }, sheets };
}
