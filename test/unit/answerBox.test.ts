import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boxLength, openBox, sealBox, type BoxContent } from '../../server/security/answerBox.ts';
import { AnswerKeys } from '../../server/security/answerKeys.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';

const ids = almaty2023.forms.head.competencies.flatMap((c) => c.statements.map((s) => s.id));
const length = boxLength(ids, almaty2023.scale.map((l) => l.value));
const content = (group: string | null, mark: number): BoxContent => ({ isSelf: group === null, group, answers: Object.fromEntries(ids.map((id) => [id, mark])) });

describe('an answer box (issue 11)', () => {
  const key = randomBytes(32);

  it('is the same size for every answer of a form, whatever its marks or its respondent’s group', () => {
    const sizes = new Set([content(null, 5), content('other', 1), content('subordinate', 3), content('peer', 2)].map((c) => sealBox(key, 'e1', c, length).length));
    expect(sizes.size).toBe(1);
  });

  it('opens with its key and evaluation only, to exactly what was sealed', () => {
    const box = sealBox(key, 'e1', content('peer', 4), length);
    expect(openBox(key, 'e1', box)).toEqual(content('peer', 4));
    expect(() => openBox(randomBytes(32), 'e1', box)).toThrow();
    expect(() => openBox(key, 'e2', box)).toThrow();
    // Two boxes of the same answers look unrelated: a fresh nonce each.
    expect(sealBox(key, 'e1', content('peer', 4), length)).not.toBe(box);
  });

  it('refuses content longer than its form allows rather than let the length vary', () => {
    const more = Object.fromEntries(Array.from({ length: 5 }, (_, n) => [`extra.statement.${n}`, 4]));
    expect(() => sealBox(key, 'e1', { isSelf: false, group: 'peer', answers: { ...content('peer', 4).answers, ...more } }, length)).toThrow(/outgrows/);
  });
});

describe('answer keys (issue 11)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-keys-unit-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const campaign = '6b1f8a52-3c1e-4a8e-9a55-0c2a0e1d1b11';

  it('are made once per campaign, readable by the owner only, and read back by any server sharing the folder', () => {
    const keys = new AnswerKeys(dir);
    keys.create(campaign);
    keys.create(campaign);
    const file = path.join(dir, `${campaign}.key`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(new AnswerKeys(dir).keyOf(campaign)).toEqual(keys.keyOf(campaign));
    expect(keys.known()).toEqual([campaign]);
  });

  it('are destroyed: overwritten and removed', () => {
    const keys = new AnswerKeys(dir);
    const key = keys.keyOf(campaign)!;
    const file = path.join(dir, `${campaign}.key`);
    keys.destroy(campaign);
    expect(fs.existsSync(file)).toBe(false);
    expect(keys.keyOf(campaign)).toBeNull();
    expect(keys.known()).toEqual([]);
    // A new key for the same id is another key (and another file).
    keys.create(campaign);
    expect(keys.keyOf(campaign)).not.toEqual(key);
    keys.destroy(campaign);
  });

  it('never makes a path of anything but a campaign id', () => {
    expect(() => new AnswerKeys(dir).keyOf('../../etc/passwd')).toThrow(/not a campaign id/);
  });
});
