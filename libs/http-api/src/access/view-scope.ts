import { type ApiPrincipal, seesEveryone } from '@cti/auth';
import { forbidden } from '../errors/api-error';

/** What a caller may see: everything, one team, one agent, or nothing (a misconfigured user). */
export type ViewScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'team'; readonly team: string }
  | { readonly kind: 'agent'; readonly agent: string }
  | { readonly kind: 'none' };

export function viewScope(p: ApiPrincipal): ViewScope {
  if (seesEveryone(p.role)) return { kind: 'all' };
  if (p.role === 'team_leader' && p.teamId !== undefined) return { kind: 'team', team: p.teamId };
  if (p.role === 'agent' && p.agentId !== undefined) return { kind: 'agent', agent: p.agentId };
  return { kind: 'none' };
}

/**
 * Whether the scope covers one agent. Callers answer 404 when it does not: another team's agent
 * and an agent that does not exist must look the same (no probing).
 */
export function coversAgent(
  scope: ViewScope,
  agent: { readonly id: string; readonly team?: string },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'team':
      return agent.team === scope.team;
    case 'agent':
      return agent.id === scope.agent;
    case 'none':
      return false;
  }
}

/** A list filter within the caller's scope. */
export interface ListFilter {
  readonly team?: string;
  readonly agent?: string;
}

/**
 * Narrows a list request to the caller's scope. Asking for a team or agent outside it is a 403
 * (a list names what it filters on, so refusing openly leaks nothing the caller did not send).
 * `teamOf` tells the team of an agent the caller asked for.
 */
export function scopedFilter(
  scope: ViewScope,
  asked: ListFilter,
  teamOf: (agentId: string) => string | undefined,
): ListFilter {
  switch (scope.kind) {
    case 'all':
      return asked;
    case 'team':
      if (asked.team !== undefined && asked.team !== scope.team)
        throw forbidden('team leaders see only their own team');
      if (asked.agent !== undefined && teamOf(asked.agent) !== scope.team)
        throw forbidden('team leaders see only their own team');
      return { team: scope.team, ...(asked.agent !== undefined ? { agent: asked.agent } : {}) };
    case 'agent':
      if (asked.agent !== undefined && asked.agent !== scope.agent)
        throw forbidden('agents see only themselves');
      if (asked.team !== undefined && asked.team !== teamOf(scope.agent))
        throw forbidden('agents see only themselves');
      return { agent: scope.agent };
    case 'none':
      throw forbidden('this account has no team or agent to see');
  }
}
