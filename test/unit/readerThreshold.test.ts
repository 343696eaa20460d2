import { describe, expect, it } from 'vitest';
import type { Report360 } from '../../shared/scoring/report360.ts';
import { reportForReader } from '../../shared/scoring/readerThreshold.ts';

const ready = (responseCount: number): Report360 => ({ status: 'ready', formKey: 'employee', responseCount, competencies: [], overall: 3.5, selfOverall: null });

describe('a report counts, for each reader, only the answers whose links they never held (issue 11; threshold of §36’s respondents)', () => {
  it('is unchanged for a reader who held none', () => {
    expect(reportForReader(ready(3), 0, 3)).toEqual(ready(3));
  });

  it('opens while at least the minimum of answers came through links the reader never held', () => {
    expect(reportForReader(ready(5), 2, 3)).toEqual(ready(5));
  });

  it('gives the count and the minimum, nothing computed, when fewer did: the attacker who gave two of three answers', () => {
    expect(reportForReader(ready(3), 2, 3)).toEqual({ status: 'insufficient', formKey: 'employee', responseCount: 3, required: 3, heldByReader: 2 });
    expect(reportForReader(ready(5), 3, 3)).toEqual({ status: 'insufficient', formKey: 'employee', responseCount: 5, required: 3, heldByReader: 3 });
  });

  it('says how many were held also on a report under the minimum for everyone', () => {
    expect(reportForReader({ status: 'insufficient', formKey: 'head', responseCount: 2, required: 3 }, 1, 3)).toEqual({ status: 'insufficient', formKey: 'head', responseCount: 2, required: 3, heldByReader: 1 });
  });
});
