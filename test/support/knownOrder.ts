import { expect } from 'vitest';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { canonicalAnswers } from '../../shared/scoring/canonicalAnswers.ts';
import { fullAnswers, issueLinks, seedUnit, tokenOf } from './fixtures.ts';
import type { TestApp } from './testApp.ts';

/** Spearman's rank correlation between the order of `values` and the order of their positions. */
export function rankCorrelation(values: number[]): number {
  const n = values.length;
  const ranks = values.map((v) => values.filter((w) => w < v).length);
  const d2 = ranks.reduce((sum, rank, position) => sum + (rank - position) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/** A fixed pseudo-random sequence (mulberry32), so the submission order is the same on every run. */
export function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

export const EVALUATED = 20;
export const PER_EVALUATION = 7;
// Under independence Spearman's rho over all 140 answers has a standard deviation of 1/sqrt(139) ≈ 0.085, and its
// mean over the 20 evaluations (7 answers each, sd 1/sqrt(6)) one of 0.091: a random order stays under this bound
// except with probability below 10⁻⁷, while rows kept in submission order give 1.
export const UNRELATED = 0.5;

/** The statements whose marks spell an answer's sequence number (four competencies, base-5 digits). */
export const SEQUENCE_KEYS = almaty2023.forms.employee.competencies.slice(0, 4).map((c) => c.statements[0]!.id);

export const sequenceOf = (answers: Readonly<Record<string, number>>) => SEQUENCE_KEYS.reduce((seq, key, place) => seq + (answers[key]! - 1) * 5 ** place, 0);

/** The answers of the `seq`-th submission. */
export function answersOfSequence(seq: number): Record<string, number> {
  const digit = (place: number) => (Math.floor(seq / 5 ** place) % 5) + 1;
  return fullAnswers('employee', (ci) => (ci < SEQUENCE_KEYS.length ? digit(ci) : 3));
}

/** The `seq`-th submission's answers exactly as closing writes them (JSON in the form's statement order). */
export const storedTextOf = (seq: number): string => JSON.stringify(canonicalAnswers(almaty2023.forms.employee, answersOfSequence(seq)));

/**
 * 140 answers submitted one after another, in a fixed shuffled order across evaluations: twenty employees each
 * evaluated by seven colleagues. Each answer carries its sequence number in its marks (SEQUENCE_KEYS), so the
 * storage order can be read back although no column says when. `beforeEach` runs before each submission.
 */
export async function submitInKnownOrder(app: TestApp, options: { beforeEach?: (seq: number) => Promise<void> } = {}) {
  const { head, employees } = await seedUnit(app, EVALUATED);
  const ids = employees.map((p: { id: string }) => p.id);
  const everyone = [head.id as string, ...ids];
  const campaignId = (await app.json('POST', '/campaigns', { name: '360 order', year: 2025 })).body.id as string;
  const evaluations = (await app.json('POST', `/campaigns/${campaignId}/evaluations`, { personIds: ids })).body.ids as string[];
  for (const [i, evaluationId] of evaluations.entries()) {
    const others = everyone.filter((id) => id !== ids[i]);
    const respondents = [...others.slice(i), ...others.slice(0, i)].slice(0, PER_EVALUATION);
    const set = await app.json('PUT', `/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { respondents: respondents.map((personId) => ({ personId, relation: 'peer' })) });
    expect(set.status).toBe(204);
  }
  expect((await app.json('POST', `/campaigns/${campaignId}/open`)).status).toBe(204);
  const links = (await issueLinks(app, campaignId)).filter((l) => l.relation !== 'self');
  expect(links).toHaveLength(EVALUATED * PER_EVALUATION);
  const random = seeded(360);
  for (let i = links.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [links[i], links[j]] = [links[j]!, links[i]!];
  }
  for (const [seq, link] of links.entries()) {
    await options.beforeEach?.(seq);
    expect((await app.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: answersOfSequence(seq) }, { cookie: null })).status).toBe(201);
  }
  return { campaignId, count: links.length, invitationOfSequence: links.map((l) => l.invitationId) };
}
