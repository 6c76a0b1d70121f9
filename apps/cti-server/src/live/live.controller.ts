import { Controller, Get } from '@nestjs/common';
import { localDay } from '@cti/domain';
import { ServerSettings } from './server-settings';
import { LiveCallCenter } from './live-call-center';

/** Live agent states and today's effective calls, as JSON. */
@Controller('api/live')
export class LiveController {
  constructor(
    private readonly live: LiveCallCenter,
    private readonly settings: ServerSettings,
  ) {}

  @Get()
  snapshot() {
    const { core } = this.live;
    const now = this.live.now();
    const day = localDay(now, this.settings.config.timezone);
    return {
      at: now,
      day,
      fresh: this.live.linkState.fresh,
      agents: this.settings.config.agents.map((agent) => {
        const state = core.agentState(agent.id);
        const progress = core.days.progress(agent.id, day);
        return {
          id: agent.id,
          name: agent.name,
          team: agent.team,
          ...state,
          secondsInState: state ? Math.max(0, Math.round((now - state.since) / 1000)) : 0,
          effectiveToday: progress.counted,
          quota: progress.quota,
          quotaMet: progress.met,
        };
      }),
      queues: core.queues.queueNames().map((q) => core.queues.figures(q)),
    };
  }
}
