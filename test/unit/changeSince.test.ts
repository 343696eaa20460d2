import { describe, expect, it } from 'vitest';
import { changeSince } from '../../shared/scoring/changeSince.ts';
import type { Report360 } from '../../shared/scoring/report360.ts';

const ready = (scores: Record<string, number>, overall: number, formKey: 'head' | 'employee' = 'employee'): Extract<Report360, { status: 'ready' }> => ({
  status: 'ready',
  formKey,
  responseCount: 3,
  competencies: Object.entries(scores).map(([id, score]) => ({ id, score, self: null, weakest: false })),
  overall,
  selfOverall: null,
});

describe('change since the previous campaign', () => {
  it('gives the previous score and the change per competency and overall, two decimals', () => {
    const change = changeSince(ready({ a: 4.33, b: 3, c: 2.5 }, 3.28), ready({ a: 3.67, b: 3.5, c: 2.5 }, 3.22));
    expect(change).toEqual({
      overall: { previous: 3.22, delta: 0.06 },
      competencies: [
        { id: 'a', previous: 3.67, delta: 0.66 },
        { id: 'b', previous: 3.5, delta: -0.5 },
        { id: 'c', previous: 2.5, delta: 0 },
      ],
    });
  });

  it('compares only competencies both reports score', () => {
    const change = changeSince(ready({ a: 4, b: 3 }, 3.5), ready({ a: 3, z: 1 }, 2));
    expect(change!.competencies).toEqual([{ id: 'a', previous: 3, delta: 1 }]);
  });

  it('gives nothing when the previous report was not shown, or was on another form', () => {
    expect(changeSince(ready({ a: 4 }, 4), { status: 'insufficient', formKey: 'employee', responseCount: 2, required: 3 })).toBeNull();
    expect(changeSince(ready({ a: 4 }, 4), ready({ a: 3 }, 3, 'head'))).toBeNull();
  });
});
