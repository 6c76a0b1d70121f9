import { maskNumber as wallboardMask } from '@cti/wallboard';
import { canSeeNumbers, isRole, maskNumber, ROLES, seesEveryone } from './roles';

describe('roles', () => {
  it('lets supervisors, QA and admins see numbers, not agents or team leaders', () => {
    expect(ROLES.filter(canSeeNumbers)).toEqual(['supervisor', 'qa', 'admin']);
    expect(ROLES.filter(seesEveryone)).toEqual(['supervisor', 'qa', 'admin']);
  });

  it('recognises only the five roles', () => {
    expect(ROLES.every(isRole)).toBe(true);
    for (const bad of ['Admin', 'root', '', 42, null, undefined]) expect(isRole(bad)).toBe(false);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '+86****5678'],
    ['02112345678', '021****5678'],
    ['12345678', '123****5678'],
    ['1234567', '*****67'],
    ['110', '*10'],
    ['12', '**'],
    ['', ''],
  ])('masks %s as %s, like the wallboard', (number, masked) => {
    expect(maskNumber(number)).toBe(masked);
    expect(wallboardMask(number)).toBe(masked);
  });

  it('never shows more than 7 digits of a long number and hides its length', () => {
    expect(maskNumber('008613812345678901')).toBe('008****8901');
  });
});
