/** The API's roles, as stored on users and carried in tokens (same spelling as the wallboard's). */
export const ROLES = ['agent', 'team_leader', 'supervisor', 'qa', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Every role: for routes any signed-in user may call. */
export const ALL_ROLES: readonly Role[] = ROLES;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const SEES_NUMBERS: ReadonlySet<Role> = new Set<Role>(['supervisor', 'admin', 'qa']);
const SEES_EVERYTHING: ReadonlySet<Role> = new Set<Role>(['supervisor', 'admin', 'qa']);

/** Whether the role may see customers' phone numbers unmasked (only those who need them). */
export function canSeeNumbers(role: Role): boolean {
  return SEES_NUMBERS.has(role);
}

/** Whether the role oversees the whole center (else: a team leader their team, an agent themselves). */
export function seesEveryone(role: Role): boolean {
  return SEES_EVERYTHING.has(role);
}

/**
 * Masks a phone number: '13812345678' -> '138****5678'. The star count is fixed for long numbers
 * (the length is not revealed); short ones keep at most their last two digits. Same output as the
 * wallboard's masking, so a number looks the same on every screen.
 */
export function maskNumber(n: string): string {
  if (n.length >= 8) return `${n.slice(0, 3)}****${n.slice(-4)}`;
  if (n.length > 2) return '*'.repeat(n.length - 2) + n.slice(-2);
  return '*'.repeat(n.length);
}
