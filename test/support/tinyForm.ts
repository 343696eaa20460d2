import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import type { Form360 } from '../../shared/methodology/types.ts';

const name = { kk: 'x', ru: 'x', en: 'x' };

/** A form small enough to compute by hand: competency a has statements a1, a2; competency b has b1. */
export const tinyForm: Form360 = {
  ...almaty2023.forms.employee,
  competencies: [
    { id: 'a', name, statements: [{ id: 'a1', text: name }, { id: 'a2', text: name }] },
    { id: 'b', name, statements: [{ id: 'b1', text: name }] },
  ],
};

export const answers = (a1: number, a2: number, b1: number) => ({ a1, a2, b1 });
