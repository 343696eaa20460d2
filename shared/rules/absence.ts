/**
 * §6–7: why a person may be away during a period. Leave, sick leave, a business trip or training mean the
 * 360 evaluation goes on without the person's own participation; so does dismissal.
 */
export const ABSENCES = ['leave', 'sickLeave', 'businessTrip', 'training', 'dismissed'] as const;
export type Absence = (typeof ABSENCES)[number];

export const isAbsence = (value: string): value is Absence => (ABSENCES as readonly string[]).includes(value);
