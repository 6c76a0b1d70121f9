import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AmiConnection, type AmiMessage, type Freshness, PbxLink } from '@cti/ami';
import { CallCenterCore, type CoreOutput, localDay, type RestoredDayRecords } from '@cti/domain';
import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import { type EmbeddedSimulator, startEmbeddedSimulator } from './embedded-simulator';
import { ServerSettings } from './server-settings';

const SIMULATOR_USER = { username: 'cti', secret: 'embedded-simulator' };
const TICK_MS = 250;

/** Where today's records come from after a restart (the database). */
export abstract class DayRestorer {
  abstract loadDay(day: string): Promise<RestoredDayRecords>;
}

/**
 * Owns this process's live call center: the AMI link (to Asterisk, or to the built-in
 * simulator), the core it feeds, and the clock tick that moves time on between events.
 */
@Injectable()
export class LiveCallCenter implements OnModuleInit {
  private readonly logger = new Logger('LiveCallCenter');
  private readonly outputs = new Subject<CoreOutput>();
  private readonly events = new Subject<AmiMessage>();
  private readonly freshness = new BehaviorSubject<Freshness>({
    fresh: false,
    staleSince: Date.now(),
  });
  readonly outputs$: Observable<CoreOutput> = this.outputs.asObservable();
  /** Every AMI event received, for metrics. */
  readonly events$: Observable<AmiMessage> = this.events.asObservable();
  readonly core: CallCenterCore;
  lastEventAt?: number;
  private simulator?: EmbeddedSimulator;
  private link?: PbxLink;
  private connection?: AmiConnection;
  private ticker?: NodeJS.Timeout;

  constructor(
    private readonly settings: ServerSettings,
    private readonly restorer: DayRestorer,
  ) {
    this.core = new CallCenterCore(settings.config, (o) => this.outputs.next(o));
  }

  get linkState() {
    return {
      ami: this.connection?.status,
      fresh: this.link?.isFresh ?? false,
      stats: this.link?.stats,
      simulated: !!this.simulator,
    };
  }

  /** Whether live state can be trusted; stale until the first resync. */
  readonly freshness$: Observable<Freshness> = this.freshness.asObservable();

  /** An explicit command toward the PBX (recording control); refused while the link is down. */
  amiAction(name: string, params: Readonly<Record<string, string>>): Promise<AmiMessage> {
    if (!this.connection) return Promise.reject(new Error('the AMI link is not started'));
    return this.connection.action(name, params);
  }

  /** PBX time: the simulator's own clock when simulated (it may run faster than real time). */
  now(): number {
    return this.simulator ? this.simulator.nowMs() : Date.now();
  }

  async onModuleInit(): Promise<void> {
    const { config, simulator } = this.settings;
    let target = {
      host: config.ami.host ?? '',
      port: config.ami.port,
      username: config.ami.username ?? '',
      secret: config.ami.secret ?? '',
    };
    if (simulator) {
      this.simulator = await startEmbeddedSimulator({
        agents: simulator.agents,
        speed: simulator.speed,
        seed: simulator.seed,
        recordingsDir: simulator.recordingsDir,
        users: [
          {
            ...SIMULATOR_USER,
            read: 'system,call,agent,user,reporting',
            write: 'system,call,agent,reporting',
          },
        ],
      });
      target = { host: this.simulator.host, port: this.simulator.port, ...SIMULATOR_USER };
      this.logger.log(
        `No AMI_HOST configured: running on the built-in PBX simulator (${simulator.agents} agents, ${simulator.speed}x speed, ${this.simulator.thread === 'worker' ? 'own thread' : 'in-process'}) at ${target.host}:${target.port}. ` +
          'To use your Asterisk, set AMI_HOST, AMI_PORT, AMI_USERNAME, AMI_SECRET and CTI_CONFIG (see docs/configuration.md).',
      );
    }
    // Today's calls, pauses and logins from before a restart, then the PBX's live state.
    this.core.restoreDay(await this.restorer.loadDay(localDay(this.now(), config.timezone)));
    this.connection = new AmiConnection({
      ...target,
      clock: () => this.now(),
      logger: this.logger,
    });
    this.connection.events$.subscribe((msg) => {
      this.lastEventAt = msg.receivedAt;
      this.events.next(msg);
    });
    this.link = new PbxLink(this.connection, this.core, this.logger);
    this.link.freshness$.subscribe((f) => this.freshness.next(f));
    this.link.start();
    this.ticker = setInterval(() => this.core.advanceTo(this.now()), TICK_MS);
  }

  /** Stops the link, the clock and the simulator; the runtime closes after (RuntimeCloser). */
  async stop(): Promise<void> {
    clearInterval(this.ticker);
    await this.link?.stop();
    await this.simulator?.stop();
    this.outputs.complete();
    this.events.complete();
    this.freshness.complete();
  }
}
