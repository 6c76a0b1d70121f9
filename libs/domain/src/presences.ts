import { type AgentDirectory } from './agent-directory';
import { AgentPresence, type PresenceOutput } from './agent-presence';
import { type RulesConfig } from './call-center-config';
import { type AgentSession, type PauseInterval } from './outputs';
import { type QueueMemberFacts } from './telephony-event';

/** Every agent's presence (queue memberships, login, pause), found from a member interface. */
export class Presences {
  private readonly byAgent = new Map<string, AgentPresence>();

  constructor(
    private readonly directory: AgentDirectory,
    rules: RulesConfig,
    emit: (o: PresenceOutput) => void,
  ) {
    for (const agent of directory.agents)
      this.byAgent.set(agent.id, new AgentPresence(agent.id, rules, emit));
  }

  get(agentId: string): AgentPresence | undefined {
    return this.byAgent.get(agentId);
  }

  all(): IterableIterator<AgentPresence> {
    return this.byAgent.values();
  }

  /** The agent behind the member, updated; undefined when the interface is nobody's. */
  memberUpdated(member: QueueMemberFacts, at: number): string | undefined {
    const presence = this.ofInterface(member.interface);
    presence?.memberUpdated(member, at);
    return presence?.agentId;
  }

  memberRemoved(queue: string, iface: string, at: number): string | undefined {
    const presence = this.ofInterface(iface);
    presence?.memberRemoved(queue, at);
    return presence?.agentId;
  }

  /** After a resync: each agent's memberships are what the PBX reports now. */
  replaceAll(members: readonly QueueMemberFacts[], at: number): void {
    const grouped = new Map<string, QueueMemberFacts[]>();
    for (const m of members) {
      const agentId = this.directory.agentOfInterface(m.interface);
      if (agentId) grouped.set(agentId, [...(grouped.get(agentId) ?? []), m]);
    }
    for (const presence of this.byAgent.values())
      presence.replaceMemberships(grouped.get(presence.agentId) ?? [], at);
  }

  /** After a restart: the logins and pauses that were still open, from the store. */
  restoreOpen(
    sessions: readonly AgentSession[],
    pauses: readonly PauseInterval[],
  ): PauseInterval[] {
    const reopened: PauseInterval[] = [];
    for (const presence of this.byAgent.values()) {
      const session = sessions.find(
        (s) => s.agentId === presence.agentId && s.logoutAt === undefined,
      );
      const pause = pauses.find((p) => p.agentId === presence.agentId && p.endedAt === undefined);
      presence.restoreOpen(session, pause);
      if (pause) reopened.push(pause);
    }
    return reopened;
  }

  private ofInterface(iface: string): AgentPresence | undefined {
    const agentId = this.directory.agentOfInterface(iface);
    return agentId === undefined ? undefined : this.byAgent.get(agentId);
  }
}
