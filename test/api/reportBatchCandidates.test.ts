import { describe, expect, it } from 'vitest';
import { batchCandidates } from '../../db/repositories/reportBatches.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { createTestApp } from '../support/testApp.ts';

describe('the people a batch of reports considers', () => {
  it('come with their unit, their evaluator, the respondents who answered (self not counted) and the viewer’s calibrations', async () => {
    const t = await createTestApp();
    const { unit, head, employees } = await seedUnit(t, 4);
    const { campaignId, evaluationId, links } = await openCampaignWith(t, employees[0].id, [head.id, employees[1].id, employees[2].id]);
    // Two respondents and the self-assessment answer.
    for (const link of links.filter((l) => l.relation === 'self' || l.respondentName !== 'Қызметкер 3')) {
      await t.call('POST', '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers('employee', () => 4) }, { cookie: null });
    }
    const user = await t.conn.db.selectFrom('app_user').select('id').where('login', '=', 'hr').executeTakeFirstOrThrow();
    const before = await batchCandidates(t.conn.db, campaignId, user.id);
    // The manager was set by the HR officer who added the people (test/support/fixtures.ts seedUnit).
    expect(before).toEqual([
      { evaluationId, fullName: 'Қызметкер 1', personId: employees[0].id, evaluatorId: head.id, evaluatorSetBy: user.id, unitId: unit.id, answered: 2, held: 0, inViewersCalibration: false },
    ]);
    // The officer who handed out the links held both answered ones.
    const distributor = await t.conn.db.selectFrom('app_user').select('id').where('login', '=', 'hr-links').executeTakeFirstOrThrow();
    expect((await batchCandidates(t.conn.db, campaignId, distributor.id))[0]!.held).toBe(2);
    await t.conn.db.insertInto('calibration_session').values({ id: 's1', campaign_id: campaignId, title: 'Калибрлеу', created_at: new Date().toISOString() }).execute();
    await t.conn.db.insertInto('calibration_member').values({ session_id: 's1', user_id: user.id }).execute();
    await t.conn.db.insertInto('calibration_report').values({ session_id: 's1', evaluation_id: evaluationId }).execute();
    expect((await batchCandidates(t.conn.db, campaignId, user.id))[0]!.inViewersCalibration).toBe(true);
    expect((await batchCandidates(t.conn.db, campaignId, 'someone else'))[0]!.inViewersCalibration).toBe(false);
    await t.conn.db.destroy();
  });
});
