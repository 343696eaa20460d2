import { describe, expect, it } from 'vitest';
import { unstorableText } from '../../server/http/unstorableText.ts';
import { createTestApp } from '../support/testApp.ts';
import { onPostgres } from '../support/testDatabase.ts';

describe('a NUL character in a request’s text', () => {
  it('is kept by SQLite; PostgreSQL cannot store or compare it, and the request is refused with a 400, not a 500', async () => {
    const t = await createTestApp();
    const unit = await t.json('POST', '/units', { name: 'Бөлім\u0000', parentId: null });
    const signIn = await t.call('POST', '/auth/login', { login: 'hr\u0000', password: 'api-test-password' }, { cookie: null });
    const units = await t.conn.db.selectFrom('unit').select('name').execute();
    if (onPostgres) {
      expect(unit).toMatchObject({ status: 400, body: { error: { code: 'text.nulCharacter', message: expect.stringContaining('NUL character') } } });
      expect(signIn.status).toBe(400);
      expect(units).toEqual([]);
    } else {
      expect(unit.status).toBe(201);
      expect(signIn.status).toBe(401);
      expect(units).toEqual([{ name: 'Бөлім\u0000' }]);
    }
  });

  it('is told from other database failures by PostgreSQL’s error code', () => {
    expect(unstorableText(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }))?.status).toBe(400);
    expect(unstorableText(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeNull();
    expect(unstorableText(new Error('x'))).toBeNull();
  });
});
