import type { DB } from '../../db/connect.ts';
import { getCampaign } from '../../db/repositories/campaigns.ts';
import { campaignResults } from '../../db/repositories/evaluationResults.ts';
import { deleteRelease, insertRelease, listReleases, releasedCampaigns, type TrainingRelease } from '../../db/repositories/training.ts';
import { trainingView, type TrainingView } from '../../shared/access/trainingAccess.ts';
import type { Locale, Methodology } from '../../shared/methodology/types.ts';
import { hasReports } from '../../shared/rules/campaignStatus.ts';
import { campaignCompetencies } from '../../shared/training/campaignCompetencies.ts';
import { parseCriterion, thresholdInScale, type GroupCriterion } from '../../shared/training/criterion.ts';
import { courseGroup, rankCompetencies, trainingHeatmap } from '../../shared/training/trainingNeeds.ts';
import { ApiError } from '../http/apiError.ts';
import type { SessionUser } from '../http/session.ts';
import { trainingWorkbook } from '../training/trainingWorkbook.ts';
import { methodologyOf } from './campaigns.ts';
import { keepCampaignResults } from './evaluationResults.ts';

/** What the viewer may see of training needs; an account with no part in them is refused. */
export function viewOf(viewer: SessionUser): TrainingView {
  const view = trainingView(viewer);
  if (!view) throw new ApiError(403, 'auth.forbidden');
  return view;
}

function requireReleaser(viewer: SessionUser): void {
  if (viewOf(viewer) !== 'all') throw new ApiError(403, 'training.releaseForbidden');
}

export async function trainingCampaigns(db: DB, viewer: SessionUser) {
  viewOf(viewer);
  return releasedCampaigns(db);
}

async function loadTrainingCampaign(db: DB, campaignId: string) {
  const campaign = await getCampaign(db, campaignId);
  if (!campaign) throw new ApiError(404, 'campaign.notFound');
  if (!hasReports(campaign.status)) throw new ApiError(409, 'training.notClosed');
  const methodology = methodologyOf(campaign.methodology_id);
  // Campaigns closed before results were kept get them here, once.
  await keepCampaignResults(db, campaign.id, methodology);
  return {
    campaign: { id: campaign.id, name: campaign.name, year: campaign.year, status: campaign.status, methodologyId: methodology.id },
    methodology,
    competencyIds: campaignCompetencies(methodology).map((c) => c.id),
  };
}

function criterionOf(key: string, methodology: Methodology): GroupCriterion {
  const criterion = parseCriterion(key);
  if (!criterion) throw new ApiError(422, 'training.badCriterion');
  const values = methodology.scale.map((s) => s.value);
  if (criterion.kind === 'below' && !thresholdInScale(criterion.threshold, values)) {
    throw new ApiError(422, 'training.thresholdOutOfScale', { min: Math.min(...values), max: Math.max(...values) });
  }
  return criterion;
}

/** The aggregates every viewer may see: the units × competencies heatmap, the ranking, and what was released. */
export async function trainingOverview(db: DB, viewer: SessionUser, campaignId: string, criterionKey: string) {
  const view = viewOf(viewer);
  const { campaign, methodology, competencyIds } = await loadTrainingCampaign(db, campaignId);
  const criterion = criterionOf(criterionKey, methodology);
  const people = await campaignResults(db, campaignId, { names: false });
  return {
    campaign,
    view,
    criterion: criterionKey,
    competencyIds,
    heatmap: trainingHeatmap(people, competencyIds),
    ranking: rankCompetencies(people, competencyIds, criterion),
    releases: await listReleases(db, campaignId),
  };
}

export interface CourseGroupView {
  competencyId: string;
  criterion: string;
  release: TrainingRelease | null;
  members: Array<{ fullName: string; position: string; unitName: string }>;
}

/**
 * Course groups with names: for those who read every report, every group under the criterion; for a
 * trainer, the released groups only, each under the criterion it was released with.
 */
export async function trainingGroups(db: DB, viewer: SessionUser, campaignId: string, criterionKey: string): Promise<{ view: TrainingView; groups: CourseGroupView[] }> {
  const view = viewOf(viewer);
  if (view === 'aggregate') throw new ApiError(403, 'training.groupsForbidden');
  const { methodology, competencyIds } = await loadTrainingCampaign(db, campaignId);
  const criterion = criterionOf(criterionKey, methodology);
  const people = await campaignResults(db, campaignId, { names: true });
  const releases = await listReleases(db, campaignId);
  const members = (competencyId: string, c: GroupCriterion) =>
    courseGroup(people, competencyId, c).map((p) => ({ fullName: p.fullName, position: p.position, unitName: p.unitName }));
  if (view === 'released') {
    return { view, groups: releases.map((r) => ({ competencyId: r.competencyId, criterion: r.criterion, release: r, members: members(r.competencyId, parseCriterion(r.criterion)!) })) };
  }
  const groups = competencyIds
    .map((competencyId) => ({
      competencyId,
      criterion: criterionKey,
      release: releases.find((r) => r.competencyId === competencyId && r.criterion === criterionKey) ?? null,
      members: members(competencyId, criterion),
    }))
    .filter((g) => g.members.length > 0 || g.release);
  return { view, groups: groups.sort((a, b) => b.members.length - a.members.length) };
}

/** HR releases a course group to the trainers: from now on they see its names. */
export async function releaseGroup(db: DB, viewer: SessionUser, campaignId: string, competencyId: string, criterionKey: string, now: Date) {
  requireReleaser(viewer);
  const { campaign, methodology, competencyIds } = await loadTrainingCampaign(db, campaignId);
  if (!competencyIds.includes(competencyId)) throw new ApiError(422, 'training.unknownCompetency');
  criterionOf(criterionKey, methodology);
  if ((await listReleases(db, campaignId)).some((r) => r.competencyId === competencyId && r.criterion === criterionKey)) {
    throw new ApiError(409, 'training.alreadyReleased');
  }
  const id = await insertRelease(db, { campaignId, competencyId, criterion: criterionKey, releasedBy: viewer, at: now.toISOString() });
  return { id, campaign, competencyName: competencyNameIn(methodology, competencyId) };
}

/** HR withdraws a release: the trainers no longer see its names. */
export async function withdrawRelease(db: DB, viewer: SessionUser, campaignId: string, releaseId: string) {
  requireReleaser(viewer);
  const { campaign, methodology } = await loadTrainingCampaign(db, campaignId);
  const release = await deleteRelease(db, campaignId, releaseId);
  if (!release) throw new ApiError(404, 'training.releaseNotFound');
  return { campaign, release, competencyName: competencyNameIn(methodology, release.competencyId) };
}

/** The audit log names competencies in Kazakh, the legal original. */
function competencyNameIn(methodology: Methodology, competencyId: string): string {
  return campaignCompetencies(methodology).find((c) => c.id === competencyId)!.name.kk;
}

/** The view as an XLSX workbook, with the course groups the viewer may see by name. */
export async function trainingExport(db: DB, viewer: SessionUser, campaignId: string, criterionKey: string, locale: Locale) {
  const overview = await trainingOverview(db, viewer, campaignId, criterionKey);
  const groups = overview.view === 'aggregate' ? null : (await trainingGroups(db, viewer, campaignId, criterionKey)).groups;
  const file = await trainingWorkbook({ methodology: methodologyOf(overview.campaign.methodologyId), criterion: criterionKey, competencyIds: overview.competencyIds, heatmap: overview.heatmap, ranking: overview.ranking, groups }, locale);
  return { file, campaign: overview.campaign, names: groups?.reduce((n, g) => n + g.members.length, 0) ?? 0 };
}
