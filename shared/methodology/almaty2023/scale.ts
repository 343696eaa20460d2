import type { ScaleLevel } from '../types.ts';

/**
 * The five answer options of the 360 questionnaires (Annexes 5–6, the note under the table, and the
 * «Құрметті респондент!» introduction). One option is chosen per statement; its value is the mark.
 */
export const scale: readonly ScaleLevel[] = [
  {
    value: 1,
    label: {
      kk: 'құзырет көрінбейді',
      ru: 'компетенция не проявляется',
      en: 'competency not shown',
    },
  },
  {
    value: 2,
    label: {
      kk: 'құзырет сирек көрінеді',
      ru: 'компетенция проявляется редко',
      en: 'competency shown rarely',
    },
  },
  {
    value: 3,
    label: {
      kk: 'құзырет жағдайлардың жартысында көрінеді',
      ru: 'компетенция проявляется в половине случаев',
      en: 'competency shown in half of the cases',
    },
  },
  {
    value: 4,
    label: {
      kk: 'құзырет көп жағдайда көрінеді',
      ru: 'компетенция проявляется в большинстве случаев',
      en: 'competency shown in most cases',
    },
  },
  {
    value: 5,
    label: {
      kk: 'құзырет әрқашан көрінеді',
      ru: 'компетенция проявляется всегда',
      en: 'competency always shown',
    },
  },
];
