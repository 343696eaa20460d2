import { describe, expect, it } from 'vitest';
import { unstorableText } from '../../server/http/unstorableText.ts';
import { createTestApp } from '../support/testApp.ts';

describe('a NUL character in a request’s text', () => {
  it('is refused in a field on either database with a 400 naming the field, and nothing is stored', async () => {
    const t = await createTestApp();
    const unit = await t.json('POST', '/units', { name: 'Бөлім\u0000', parentId: null });
    const signIn = await t.call('POST', '/auth/login', { login: 'hr\u0000', password: 'api-test-password' }, { cookie: null });
    expect(unit).toMatchObject({ status: 400, body: { error: { code: 'validation', issues: [{ path: 'name', code: 'controlCharacter' }] } } });
    expect(signIn.status).toBe(400);
    expect(await t.conn.db.selectFrom('unit').select('name').execute()).toEqual([]);
  });

  // Text that reaches PostgreSQL by another way than a validated field is still a 400, not a 500.
  it('is told from other database failures by PostgreSQL’s error code', () => {
    expect(unstorableText(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }))?.status).toBe(400);
    expect(unstorableText(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeNull();
    expect(unstorableText(new Error('x'))).toBeNull();
  });
});
