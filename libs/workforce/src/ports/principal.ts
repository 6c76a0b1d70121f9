import { type AgentConfig } from '@cti/domain';
import { type WorkforceRole } from '../config/workforce-config';
import { WorkforceError } from '../workforce-error';

/** The verified caller: the shape of @cti/auth's ApiPrincipal and the wallboard's Principal. */
export interface WorkforcePrincipal {
  readonly userId: string;
  readonly username?: string;
  readonly role: WorkforceRole;
  readonly teamId?: string;
  readonly agentId?: string;
}

/** What audit entries name (people, not ids). */
export function actorName(p: WorkforcePrincipal): string {
  return p.username ?? p.userId;
}

const OVERSEERS: ReadonlySet<WorkforceRole> = new Set<WorkforceRole>(['supervisor', 'admin', 'qa']);

/** Whether the caller may see this agent's quota day, records and reports. */
export function mayView(p: WorkforcePrincipal, agent: Pick<AgentConfig, 'id' | 'team'>): boolean {
  if (OVERSEERS.has(p.role)) return true;
  if (p.role === 'team_leader') return p.teamId !== undefined && agent.team === p.teamId;
  if (p.role === 'agent') return p.agentId !== undefined && agent.id === p.agentId;
  return false;
}

/** The agents a caller sees; a team leader or agent without a team/agent sees nobody. */
export function visibleAgents<T extends Pick<AgentConfig, 'id' | 'team'>>(
  p: WorkforcePrincipal,
  agents: readonly T[],
): T[] {
  return agents.filter((a) => mayView(p, a));
}

/** Refuses a team the caller does not oversee, the same way whether or not it exists (no probing). */
export function assertTeam(p: WorkforcePrincipal, teamId: string): void {
  if (OVERSEERS.has(p.role)) return;
  if (p.role === 'team_leader' && p.teamId === teamId) return;
  throw new WorkforceError('FORBIDDEN', 'you may not see this team');
}

export function principalDetails(p: WorkforcePrincipal): Record<string, unknown> {
  return { userId: p.userId, role: p.role };
}
