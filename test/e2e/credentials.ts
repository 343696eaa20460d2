export const E2E_HR = { login: 'hr.e2e', fullName: 'Айгүл HR', password: 'e2e-Password-2026' } as const;
export const E2E_HR_HEAD = { login: 'hrhead.e2e', fullName: 'Бақыт HR басшысы', password: 'e2e-Head-Password-2026' } as const;
export const E2E_ADMIN = { login: 'admin.e2e', fullName: 'Ерлан Әкімші', password: 'e2e-Admin-Password-2026' } as const;
export const E2E_TRAINER = { login: 'trainer.e2e', fullName: 'Сәуле Тренер', password: 'e2e-Trainer-Password-2026' } as const;
/** An HR officer who hands out links (setUpThroughApi.ts issueLinks): answers through them do not count in the reports they read. */
export const E2E_DISTRIBUTOR = { login: 'links.e2e', fullName: 'Гүлнар HR (сілтемелер)', password: 'e2e-Links-Password-2026' } as const;
