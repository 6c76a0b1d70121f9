import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AmiConnection, PbxLink } from '@cti/ami';
import { CallCenterCore, type CoreOutput } from '@cti/domain';
import { type RunningSimulator, startSimulator } from '@cti/pbx-simulator';
import { Subject } from 'rxjs';
import { ServerSettings } from './server-settings';

const SIMULATOR_USER = { username: 'cti', secret: 'embedded-simulator' };
const TICK_MS = 250;

/**
 * Owns this process's live call center: the AMI link (to Asterisk, or to the built-in
 * simulator), the core it feeds, and the clock tick that moves time on between events.
 */
@Injectable()
export class LiveCallCenter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LiveCallCenter');
  private readonly outputs = new Subject<CoreOutput>();
  readonly outputs$ = this.outputs.asObservable();
  readonly core: CallCenterCore;
  private simulator?: RunningSimulator;
  private link?: PbxLink;
  private connection?: AmiConnection;
  private ticker?: NodeJS.Timeout;

  constructor(private readonly settings: ServerSettings) {
    this.core = new CallCenterCore(settings.config, (o) => this.outputs.next(o));
  }

  get linkState() {
    return { ami: this.connection?.status, fresh: this.link?.isFresh ?? false, stats: this.link?.stats, simulated: !!this.simulator };
  }

  /** PBX time: the simulator's own clock when simulated (it may run faster than real time). */
  now(): number {
    return this.simulator ? this.simulator.stats().simulatedNowMs : Date.now();
  }

  async onModuleInit(): Promise<void> {
    const { config, simulator } = this.settings;
    let target = { host: config.ami.host ?? '', port: config.ami.port, username: config.ami.username ?? '', secret: config.ami.secret ?? '' };
    if (simulator) {
      this.simulator = await startSimulator({
        agents: simulator.agents,
        speed: simulator.speed,
        seed: simulator.seed,
        users: [{ ...SIMULATOR_USER, read: 'system,call,agent,user,reporting', write: 'system,call,agent,reporting' }],
      });
      target = { host: this.simulator.host, port: this.simulator.port, ...SIMULATOR_USER };
      this.logger.log(
        `No AMI_HOST configured: running on the built-in PBX simulator (${simulator.agents} agents, ${simulator.speed}x speed) at ${target.host}:${target.port}. ` +
          'To use your Asterisk, set AMI_HOST, AMI_PORT, AMI_USERNAME, AMI_SECRET and CTI_CONFIG (see docs/configuration.md).',
      );
    }
    this.connection = new AmiConnection({ ...target, clock: () => this.now(), logger: this.logger });
    this.link = new PbxLink(this.connection, this.core, this.logger);
    this.link.start();
    this.ticker = setInterval(() => this.core.advanceTo(this.now()), TICK_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.ticker);
    await this.link?.stop();
    await this.simulator?.stop();
    this.outputs.complete();
  }
}
