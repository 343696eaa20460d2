export const E2E_HR = { login: 'hr.e2e', fullName: 'Айгүл HR', password: 'e2e-Password-2026' } as const;
