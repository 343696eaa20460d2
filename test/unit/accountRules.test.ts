import { describe, expect, it } from 'vitest';
import { accountRefusal, loginForPerson, rolesKeptBy } from '../../shared/access/accountRules.ts';
import { offersSecondFactor, SECOND_FACTOR_ROLES } from '../../shared/access/secondFactor.ts';
import { canRunCalibration, hasOwnReports, landingPath, mayOpenScreen } from '../../shared/access/navigation.ts';

const admin = { id: 'a1', role: 'admin' };
const head = { id: 'h1', role: 'hr_head' };
const create = (role: 'admin' | 'hr_head' | 'hr' | 'trainer' | 'employee', canReadReports = false) => ({ kind: 'create' as const, role, canReadReports });

describe('who keeps which accounts', () => {
  it('lets the administrator keep every role and the head of HR staff members and trainers only', () => {
    expect(rolesKeptBy('admin')).toEqual(['admin', 'hr_head', 'hr', 'trainer', 'employee']);
    expect(rolesKeptBy('hr_head')).toEqual(['employee', 'trainer']);
    expect(rolesKeptBy('hr')).toEqual([]);
    expect(accountRefusal(head, null, create('trainer'), 1)).toBeNull();
    expect(accountRefusal(head, null, create('hr'), 1)).toBe('account.roleNotKept');
    expect(accountRefusal(head, { id: 'x', role: 'hr' }, { kind: 'reset' }, 1)).toBe('account.roleNotKept');
    expect(accountRefusal(head, { id: 'x', role: 'employee' }, { kind: 'update', role: 'hr_head', canReadReports: false }, 1)).toBe('account.roleNotKept');
    expect(accountRefusal({ id: 'e', role: 'employee' }, null, create('employee'), 1)).toBe('account.roleNotKept');
  });

  it('grants report reading to HR officers only', () => {
    expect(accountRefusal(admin, null, create('hr', true), 1)).toBeNull();
    expect(accountRefusal(admin, null, create('trainer', true), 1)).toBe('account.grantOnlyHr');
  });

  it('never removes or demotes the last administrator, nor lets anyone delete themselves or change their own role', () => {
    const root = { id: 'a1', role: 'admin' };
    expect(accountRefusal(admin, root, { kind: 'delete' }, 1)).toBe('account.lastAdmin');
    expect(accountRefusal(admin, root, { kind: 'update', role: 'hr', canReadReports: false }, 1)).toBe('account.lastAdmin');
    expect(accountRefusal(admin, root, { kind: 'delete' }, 2)).toBe('account.self');
    expect(accountRefusal(admin, root, { kind: 'update', role: 'hr', canReadReports: false }, 2)).toBe('account.self');
    expect(accountRefusal(admin, root, { kind: 'update', role: 'admin', canReadReports: false }, 1)).toBeNull();
    expect(accountRefusal(admin, root, { kind: 'reset' }, 1)).toBeNull();
    expect(accountRefusal(admin, { id: 'a2', role: 'admin' }, { kind: 'delete' }, 2)).toBeNull();
  });

  it('lets a keeper remove another account’s second factor, never their own (that needs a code)', () => {
    const removal = { kind: 'removeSecondFactor' } as const;
    expect(accountRefusal(admin, { id: 'x', role: 'hr' }, removal, 1)).toBeNull();
    expect(accountRefusal(admin, { id: 'a1', role: 'admin' }, removal, 2)).toBe('account.selfSecondFactor');
    expect(accountRefusal(head, { id: 'x', role: 'hr' }, removal, 1)).toBe('account.roleNotKept');
  });
});

describe('who is offered a second factor', () => {
  it('offers it to administrators and HR, not to trainers or staff members’ own accounts', () => {
    expect(SECOND_FACTOR_ROLES).toEqual(['admin', 'hr_head', 'hr']);
    expect(['admin', 'hr_head', 'hr', 'trainer', 'employee', 'boss'].map(offersSecondFactor)).toEqual([true, true, true, false, false, false]);
  });
});

describe('logins of staff members’ own accounts', () => {
  it('take the e-mail in lower case, else the personnel number, else none', () => {
    expect(loginForPerson({ email: ' Aigerim@Gov.KZ ', employeeNo: '17' })).toBe('aigerim@gov.kz');
    expect(loginForPerson({ email: null, employeeNo: ' 17 ' })).toBe('17');
    expect(loginForPerson({ email: '', employeeNo: null })).toBeNull();
  });
});

describe('what an account is offered', () => {
  const u = (role: string, more: Partial<{ linked: boolean; calibrating: boolean; canReadReports: boolean }> = {}) => ({ role, linked: false, calibrating: false, canReadReports: false, ...more });
  it('lands each role on its own start page', () => {
    expect(landingPath(u('hr'))).toBe('/campaigns');
    expect(landingPath(u('admin'))).toBe('/campaigns');
    expect(landingPath(u('trainer'))).toBe('/training');
    expect(landingPath(u('employee', { linked: true }))).toBe('/my/reports');
  });
  it('offers "My reports" to staff members’ own accounts and calibration participants', () => {
    expect(hasOwnReports(u('employee', { linked: true }))).toBe(true);
    expect(hasOwnReports(u('hr', { calibrating: true }))).toBe(true);
    expect(hasOwnReports(u('trainer'))).toBe(false);
  });
  it('lets the head of HR and granted HR officers run calibration sessions', () => {
    expect(canRunCalibration(u('hr_head'))).toBe(true);
    expect(canRunCalibration(u('hr', { canReadReports: true }))).toBe(true);
    expect(canRunCalibration(u('hr'))).toBe(false);
    expect(canRunCalibration(u('admin'))).toBe(false);
  });
  it('opens HR, account and audit screens only to the roles that use them', () => {
    expect(mayOpenScreen(u('employee', { linked: true }), '/campaigns/123')).toBe(false);
    expect(mayOpenScreen(u('employee', { linked: true }), '/my/reports')).toBe(true);
    expect(mayOpenScreen(u('employee'), '/reports/123')).toBe(true);
    expect(mayOpenScreen(u('trainer'), '/people')).toBe(false);
    expect(mayOpenScreen(u('hr'), '/campaigns')).toBe(true);
    expect(mayOpenScreen(u('hr'), '/accounts')).toBe(false);
    expect(mayOpenScreen(u('hr_head'), '/accounts')).toBe(true);
    expect(mayOpenScreen(u('hr'), '/audit')).toBe(false);
    expect(mayOpenScreen(u('hr'), '/campaignsX')).toBe(true);
  });
});
