import { AmiConnection, type AmiLogger, PbxLink } from '@cti/ami';
import {
  CallCenterCore,
  type CallCenterConfig,
  type CoreOutput,
  localDay,
  summarizeDay,
  type DaySummary,
} from '@cti/domain';
import { loadCapture } from './capture-file';
import { CaptureReplayServer } from './capture-replay-server';
import { type Chunker } from './chunkers';

export interface CaptureReplayResult {
  readonly core: CallCenterCore;
  readonly link: PbxLink;
  readonly summary: DaySummary;
  readonly outputs: CoreOutput[];
  readonly connections: number;
}

export interface CaptureReplayOptions {
  readonly capturePath: string;
  readonly config: CallCenterConfig;
  /** Replay pace (capture time / speed); as fast as possible when unset. */
  readonly speed?: number;
  readonly chunker?: Chunker;
  readonly logger?: AmiLogger;
}

/**
 * Replays a capture through the real path: a local TCP server plays the recorded bytes to the
 * asterisk-manager based connection, which feeds the core. The core's clock is event time: the
 * Timestamp of the latest event (frames without one take that instant).
 */
export async function replayCapture(options: CaptureReplayOptions): Promise<CaptureReplayResult> {
  const capture = loadCapture(options.capturePath);
  const server = new CaptureReplayServer({
    capture,
    speed: options.speed,
    chunker: options.chunker,
    awaitActions: ['QueueStatus', 'CoreShowChannels', 'DeviceStateList'],
  });
  await server.start();
  const outputs: CoreOutput[] = [];
  const core = new CallCenterCore(options.config, (o) => outputs.push(o));
  let eventTime = (capture.epochOffsetMs ?? 0) + (capture.records[0]?.t ?? 0);
  const conn = new AmiConnection({
    host: '127.0.0.1',
    port: server.port,
    username: 'cti',
    secret: 'replay',
    reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    pingIntervalMs: 60_000,
    clock: () => eventTime,
    logger: options.logger,
  });
  const link = new PbxLink(
    conn,
    {
      apply: (e) => {
        eventTime = Math.max(eventTime, e.at);
        core.apply(e);
      },
      applySnapshot: (s) => core.applySnapshot(s),
    },
    options.logger,
  );
  try {
    link.start();
    await server.finished;
    await quiet(() => link.stats.eventsIn);
  } finally {
    await link.stop();
    await server.stop();
  }
  core.advanceTo(eventTime + 60_000);
  const day = localDay(
    (capture.epochOffsetMs ?? 0) + (capture.records[0]?.t ?? 0),
    options.config.timezone,
  );
  return {
    core,
    link,
    summary: summarizeDay(core, day),
    outputs,
    connections: server.counters().connectionsAccepted,
  };
}

/** Resolves once `count` has not moved for a while: the last frames have been handled. */
async function quiet(count: () => number, idleMs = 150): Promise<void> {
  let last = -1;
  while (count() !== last) {
    last = count();
    await new Promise((resolve) => setTimeout(resolve, idleMs));
  }
}
