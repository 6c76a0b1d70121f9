import { type Role, type Scope } from './protocol';

/** Who is on the other end of a socket, as the token verifier vouches. */
export interface Principal {
  readonly userId: string;
  readonly role: Role;
  readonly teamId?: string;
  /** The agent (工号) a user with the agent role is. */
  readonly agentId?: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

const SEES_NUMBERS: ReadonlySet<Role> = new Set<Role>(['supervisor', 'admin', 'qa']);
const SEES_EVERYTHING: ReadonlySet<Role> = new Set<Role>(['supervisor', 'admin', 'qa']);

/** Whether the role may see customers' numbers unmasked. */
export function maySeeNumbers(p: Principal): boolean {
  return SEES_NUMBERS.has(p.role);
}

/**
 * Deny by default: agents watch their own tile, team leaders their team, supervisors, QA and
 * admins anything. A team leader asking for another team and one asking for a team that does
 * not exist get the same refusal (no probing).
 */
export function mayWatch(p: Principal, scope: Scope): boolean {
  if (SEES_EVERYTHING.has(p.role)) return true;
  if (p.role === 'team_leader')
    return scope.kind === 'team' && p.teamId !== undefined && scope.team === p.teamId;
  if (p.role === 'agent')
    return scope.kind === 'agent' && p.agentId !== undefined && scope.agent === p.agentId;
  return false;
}

/** The widest scope the principal may watch, or undefined when it may watch nothing. */
export function defaultScope(p: Principal): Scope | undefined {
  if (SEES_EVERYTHING.has(p.role)) return { kind: 'all' };
  if (p.role === 'team_leader' && p.teamId !== undefined) return { kind: 'team', team: p.teamId };
  if (p.role === 'agent' && p.agentId !== undefined) return { kind: 'agent', agent: p.agentId };
  return undefined;
}

/** A stable key for a scope (ids may contain any printable character, so no ad hoc joining). */
export function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case 'all':
      return '["all"]';
    case 'team':
      return JSON.stringify(['team', scope.team]);
    case 'queue':
      return JSON.stringify(['queue', scope.queue]);
    case 'agent':
      return JSON.stringify(['agent', scope.agent]);
  }
}
