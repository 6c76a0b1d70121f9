import { type AgentConfig, type CallCenterConfig, type CoreOutput } from '@cti/domain';
import { type WorkforceConfig } from '../config/workforce-config';

/** The configuration the quota day runs on (a DI token): its own section and the call center's. */
export abstract class WorkforceSettings {
  abstract readonly config: WorkforceConfig;
  abstract readonly callCenter: CallCenterConfig;
}

/** The core's outputs, as they happen (bind LiveCallCenter.outputs$). Returns the unsubscribe. */
export abstract class CoreOutputFeed {
  abstract subscribe(listener: (output: CoreOutput) => void): () => void;
}

/** A feed the caller pushes into: for tests, replays and apps without an observable at hand. */
export class PushedCoreOutputs extends CoreOutputFeed {
  private readonly listeners = new Set<(output: CoreOutput) => void>();

  subscribe(listener: (output: CoreOutput) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  push(output: CoreOutput): void {
    for (const l of this.listeners) l(output);
  }
}

export function agentById(callCenter: CallCenterConfig, id: string): AgentConfig | undefined {
  return callCenter.agents.find((a) => a.id === id);
}
