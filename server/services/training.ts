import type { DB } from '../../db/connect.ts';
import { getCampaign } from '../../db/repositories/campaigns.ts';
import { deleteRelease, insertRelease, listReleases, releasedCampaigns, type TrainingRelease } from '../../db/repositories/training.ts';
import { campaignTallyOf, courseGroupMembers, scoreCountsOf } from '../../db/repositories/trainingAggregates.ts';
import { trainingView, type TrainingView } from '../../shared/access/trainingAccess.ts';
import type { Locale, Methodology } from '../../shared/methodology/types.ts';
import { hasReports } from '../../shared/rules/campaignStatus.ts';
import { COURSE_GROUP_PAGE } from '../../shared/schemas/training.ts';
import { campaignCompetencies } from '../../shared/training/campaignCompetencies.ts';
import { parseCriterion, thresholdInScale, type GroupCriterion } from '../../shared/training/criterion.ts';
import { offeredThresholds, offersCriterion, restrictedRanking } from '../../shared/training/restrictedRanking.ts';
import { courseGroupSize, rankCompetencies, trainingHeatmap, type PersonResult, type ScoreCount } from '../../shared/training/trainingNeeds.ts';
import { tallyWithout } from '../../shared/training/tallyWithout.ts';
import { evaluationsHeldBy } from '../../db/repositories/linkHolders.ts';
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
  if (campaign.results_kept_at === null) await keepCampaignResults(db, campaign.id, methodology);
  return {
    campaign: { id: campaign.id, name: campaign.name, year: campaign.year, status: campaign.status, methodologyId: methodology.id },
    methodology,
    competencyIds: campaignCompetencies(methodology).map((c) => c.id),
  };
}

const scaleValues = (methodology: Methodology) => methodology.scale.map((s) => s.value);

/**
 * The criterion a view is asked under: within the scale, and for those who do not read every report one of
 * the offered thresholds (shared/training/restrictedRanking.ts), or any count could be differenced.
 */
function criterionOf(key: string, methodology: Methodology, view: TrainingView, releases: readonly TrainingRelease[]): GroupCriterion {
  const criterion = parseCriterion(key);
  if (!criterion) throw new ApiError(422, 'training.badCriterion');
  const values = scaleValues(methodology);
  if (criterion.kind === 'below' && !thresholdInScale(criterion.threshold, values)) {
    throw new ApiError(422, 'training.thresholdOutOfScale', { min: Math.min(...values), max: Math.max(...values) });
  }
  if (view !== 'all' && !offersCriterion(criterion, offeredThresholds(values, releases))) throw new ApiError(422, 'training.thresholdNotOffered');
  return criterion;
}

/** People of a campaign left out of what a viewer sees of it, with their kept results. */
interface Hidden {
  evaluationIds: string[];
  results: PersonResult[];
}

/**
 * The people whose report `viewer` is not shown because too many of its answers came through links the viewer
 * held (shared/scoring/readerThreshold.ts): the training views leave them out for that viewer, as if they had
 * not been evaluated (shared/training/tallyWithout.ts).
 */
async function hiddenFrom(db: DB, viewer: SessionUser, campaignId: string, methodology: Methodology): Promise<Hidden> {
  const { minResponsesForReport } = methodology.rules;
  const hidden = (await evaluationsHeldBy(db, campaignId, viewer.id)).filter((e) => e.status === 'ready' && e.responseCount - e.held < minResponsesForReport);
  return { evaluationIds: hidden.map((e) => e.evaluationId), results: hidden.map((e) => ({ unitName: e.unitName, scores: e.scores, weakest: e.weakest })) };
}

/** The aggregates every viewer may see: the units × competencies heatmap, the ranking, and what was released. */
export async function trainingOverview(db: DB, viewer: SessionUser, campaignId: string, criterionKey: string) {
  return (await overviewAndHidden(db, viewer, campaignId, criterionKey)).overview;
}

/** The overview, with the people it leaves out for this viewer (the export leaves them out of its groups too). */
async function overviewAndHidden(db: DB, viewer: SessionUser, campaignId: string, criterionKey: string) {
  const view = viewOf(viewer);
  const { campaign, methodology, competencyIds } = await loadTrainingCampaign(db, campaignId);
  const releases = await listReleases(db, campaignId);
  const criterion = criterionOf(criterionKey, methodology, view, releases);
  const hidden = await hiddenFrom(db, viewer, campaignId, methodology);
  const tally = tallyWithout(await campaignTallyOf(db, campaignId), hidden.results);
  const values = scaleValues(methodology);
  const overview = {
    campaign,
    view,
    criterion: criterionKey,
    /** The thresholds the viewer may ask; null: any within the scale. */
    thresholds: view === 'all' ? null : offeredThresholds(values, releases),
    competencyIds,
    heatmap: trainingHeatmap(tally.units, competencyIds),
    ranking: view === 'all' ? rankCompetencies(tally, competencyIds, criterion) : restrictedRanking(tally, competencyIds, criterion, values, releases),
    releases,
  };
  return { overview, hidden };
}

export interface CourseGroupView {
  competencyId: string;
  criterion: string;
  release: TrainingRelease | null;
  /** Everyone in the group; `members` is its first page. */
  count: number;
  members: Array<{ fullName: string; position: string; unitName: string }>;
}

function requireNames(view: TrainingView): void {
  if (view === 'aggregate') throw new ApiError(403, 'training.groupsForbidden');
}

/**
 * The course groups a viewer may see by name, each with its size: for those who read every report, every
 * group under the criterion; for a trainer, the released groups only, each under the criterion it was
 * released with. Each carries its first page of names; the rest are read a page at a time.
 */
export async function trainingGroups(db: DB, viewer: SessionUser, campaignId: string, criterionKey: string): Promise<{ view: TrainingView; groups: CourseGroupView[] }> {
  const view = viewOf(viewer);
  requireNames(view);
  const { methodology, competencyIds } = await loadTrainingCampaign(db, campaignId);
  criterionOf(criterionKey, methodology, view, await listReleases(db, campaignId));
  const hidden = await hiddenFrom(db, viewer, campaignId, methodology);
  const groups: CourseGroupView[] = [];
  for (const group of await courseGroupsOf(db, view, campaignId, competencyIds, criterionKey, hidden)) {
    groups.push({ ...group, members: await memberPage(db, campaignId, group.competencyId, group.criterion, hidden, 0, COURSE_GROUP_PAGE) });
  }
  return { view, groups };
}

type CourseGroup = Omit<CourseGroupView, 'members'>;

/** The groups the view reaches, largest first for those who see them all, with their sizes from the kept tally. */
async function courseGroupsOf(db: DB, view: TrainingView, campaignId: string, competencyIds: readonly string[], criterionKey: string, hidden: Hidden): Promise<CourseGroup[]> {
  const releases = await listReleases(db, campaignId);
  const scores: ScoreCount[] = tallyWithout({ units: [], scores: await scoreCountsOf(db, campaignId) }, hidden.results).scores;
  const sizeOf = (competencyId: string, key: string) => courseGroupSize(scores, competencyId, parseCriterion(key)!);
  if (view === 'released') {
    return releases.map((r) => ({ competencyId: r.competencyId, criterion: r.criterion, release: r, count: sizeOf(r.competencyId, r.criterion) }));
  }
  return competencyIds
    .map((competencyId) => ({
      competencyId,
      criterion: criterionKey,
      release: releases.find((r) => r.competencyId === competencyId && r.criterion === criterionKey) ?? null,
      count: sizeOf(competencyId, criterionKey),
    }))
    .filter((g) => g.count > 0 || g.release)
    .sort((a, b) => b.count - a.count);
}

async function memberPage(db: DB, campaignId: string, competencyId: string, criterionKey: string, hidden: Hidden, offset: number, limit: number) {
  const rows = await courseGroupMembers(db, { campaignId, competencyId, criterion: parseCriterion(criterionKey)!, excluding: hidden.evaluationIds }, { offset, limit });
  return rows.map(({ fullName, position, unitName }) => ({ fullName, position, unitName }));
}

/**
 * A page of one course group's names, for a viewer who may see the group: those who read every report, or a
 * trainer once HR released it under this criterion.
 */
export async function trainingGroupPage(
  db: DB,
  viewer: SessionUser,
  campaignId: string,
  competencyId: string,
  page: { criterion: string; offset: number; limit: number },
) {
  const view = viewOf(viewer);
  requireNames(view);
  const { methodology, competencyIds } = await loadTrainingCampaign(db, campaignId);
  if (!competencyIds.includes(competencyId)) throw new ApiError(422, 'training.unknownCompetency');
  const releases = await listReleases(db, campaignId);
  criterionOf(page.criterion, methodology, view, releases);
  const release = releases.find((r) => r.competencyId === competencyId && r.criterion === page.criterion) ?? null;
  if (view === 'released' && !release) throw new ApiError(403, 'training.groupsForbidden');
  const hidden = await hiddenFrom(db, viewer, campaignId, methodology);
  const scores = tallyWithout({ units: [], scores: await scoreCountsOf(db, campaignId) }, hidden.results).scores;
  const count = courseGroupSize(scores, competencyId, parseCriterion(page.criterion)!);
  return { competencyId, criterion: page.criterion, release, count, offset: page.offset, members: await memberPage(db, campaignId, competencyId, page.criterion, hidden, page.offset, page.limit) };
}

/** HR releases a course group to the trainers: from now on they see its names. */
export async function releaseGroup(db: DB, viewer: SessionUser, campaignId: string, competencyId: string, criterionKey: string, now: Date) {
  requireReleaser(viewer);
  const { campaign, methodology, competencyIds } = await loadTrainingCampaign(db, campaignId);
  if (!competencyIds.includes(competencyId)) throw new ApiError(422, 'training.unknownCompetency');
  criterionOf(criterionKey, methodology, 'all', []);
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

/** Names read per query while the export is written. */
const EXPORT_PAGE = 1000;

/**
 * The view as an XLSX workbook, with the course groups the viewer may see by name, streamed: names are read a
 * page at a time as the file is sent.
 */
export async function trainingExport(db: DB, viewer: SessionUser, campaignId: string, criterionKey: string, locale: Locale) {
  const { overview, hidden } = await overviewAndHidden(db, viewer, campaignId, criterionKey);
  const groups = overview.view === 'aggregate' ? null : await courseGroupsOf(db, overview.view, campaignId, overview.competencyIds, criterionKey, hidden);
  const file = trainingWorkbook(
    {
      methodology: methodologyOf(overview.campaign.methodologyId),
      criterion: criterionKey,
      competencyIds: overview.competencyIds,
      heatmap: overview.heatmap,
      ranking: overview.ranking,
      groups: groups?.map((g) => ({ competencyId: g.competencyId, criterion: g.criterion, released: g.release !== null, members: everyMember(db, campaignId, g, hidden) })) ?? null,
    },
    locale,
  );
  return { file, campaign: overview.campaign, names: groups?.reduce((n, g) => n + g.count, 0) ?? 0 };
}

async function* everyMember(db: DB, campaignId: string, group: CourseGroup, hidden: Hidden) {
  const criterion = parseCriterion(group.criterion)!;
  for (let afterOrdinal = -1; ; ) {
    const page = await courseGroupMembers(db, { campaignId, competencyId: group.competencyId, criterion, excluding: hidden.evaluationIds }, { afterOrdinal, limit: EXPORT_PAGE });
    yield* page;
    if (page.length < EXPORT_PAGE) return;
    afterOrdinal = page[page.length - 1]!.ordinal;
  }
}
