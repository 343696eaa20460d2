import { openWithKey, sealWithKey } from './aesGcm.ts';

/** What a respondent's submission holds, sealed until its campaign closes. */
export interface BoxContent {
  isSelf: boolean;
  /** shared/scoring/respondentGroup.ts: the stored group, null for the self-assessment. */
  group: string | null;
  /** Statement id → scale value, in the form's order (shared/scoring/canonicalAnswers.ts). */
  answers: Record<string, number>;
}

/** The groups a box may carry; the longest sets the padding. */
const LONGEST_GROUP = 'subordinate';

const serialise = (content: BoxContent): string => JSON.stringify({ s: content.isSelf ? 1 : 0, g: content.group, a: content.answers });

/**
 * The length every box of a form is padded to: that of the longest content the form allows (every statement
 * answered with the widest scale value, the longest group), rounded up to 64 bytes. Every box of a form is then
 * the same size, whatever its answers or its respondent's group.
 */
export function boxLength(statementIds: readonly string[], scaleValues: readonly number[]): number {
  const widest = scaleValues.reduce((a, b) => (String(b).length > String(a).length ? b : a));
  const longest = serialise({ isSelf: false, group: LONGEST_GROUP, answers: Object.fromEntries(statementIds.map((id) => [id, widest])) });
  return Math.ceil(longest.length / 64) * 64;
}

/** Seals `content` under the campaign's key, bound to its evaluation and padded with spaces to `length` bytes. */
export function sealBox(key: Buffer, evaluationId: string, content: BoxContent, length: number): string {
  const text = serialise(content);
  if (Buffer.byteLength(text) > length) throw new Error(`an answer box outgrows its form's length (${Buffer.byteLength(text)} > ${length})`);
  return sealWithKey(key, text.padEnd(length - Buffer.byteLength(text) + text.length, ' '), evaluationId);
}

/** Opens a box of `evaluationId`; throws when the key, the evaluation or the box is not the one it was sealed with. */
export function openBox(key: Buffer, evaluationId: string, box: string): BoxContent {
  const { s, g, a } = JSON.parse(openWithKey(key, box, evaluationId)) as { s: 0 | 1; g: string | null; a: Record<string, number> };
  return { isSelf: s === 1, group: g, answers: a };
}
