/** What a transfer or an administrator's override makes of a date. */
export const DAY_KINDS = ['dayOff', 'working'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export interface CalendarOverride {
  date: string;
  /** `dayOff`: a weekday made a day off; `working`: a weekend day (or a holiday) made a working day. */
  kind: DayKind;
}
