import type { DB } from '../../db/connect.ts';
import { openBox, type BoxContent } from '../../server/security/answerBox.ts';
import type { AnswerKeys } from '../../server/security/answerKeys.ts';

/**
 * The answers waiting sealed in boxes, opened with the campaigns' keys as only closing does: for tests that check
 * what a submission stored. The boxes are read in the order of their keys.
 */
export async function openedBoxes(db: DB, answerKeys: AnswerKeys, evaluationId?: string): Promise<Array<BoxContent & { id: number; evaluationId: string }>> {
  let query = db.selectFrom('answer_box as b').innerJoin('evaluation as e', 'e.id', 'b.evaluation_id').select(['b.id', 'b.evaluation_id', 'b.box', 'e.campaign_id']).orderBy('b.id');
  if (evaluationId) query = query.where('b.evaluation_id', '=', evaluationId);
  return (await query.execute()).map((row) => {
    const key = answerKeys.keyOf(row.campaign_id);
    if (!key) throw new Error(`no answer key for campaign ${row.campaign_id}`);
    return { id: row.id, evaluationId: row.evaluation_id, ...openBox(key, row.evaluation_id, row.box) };
  });
}
