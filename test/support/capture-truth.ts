import { readFileSync } from 'node:fs';
import { type CallCenterConfig, localDay } from '@cti/domain';
import { CAPTURES_DIR } from '@cti/testing';

/** The parts of a capture's ground truth (`NAME.truth.json`) the tests compare against. */
export interface CaptureTruth {
  readonly name: string;
  readonly t0_epoch_ms: number;
  readonly params: {
    effective_threshold_s: number;
    pause_limit_s: number;
    quota: number;
    new_hire_quota: number;
    new_hire_days: number;
  };
  readonly agents: readonly {
    ext: number;
    name: string;
    hired_days_ago: number;
    pauses: readonly { reason: string; duration_s: number; over_limit: boolean }[];
  }[];
  readonly expected: {
    readonly per_agent: Readonly<
      Record<string, Readonly<Record<string, number | boolean | string>>>
    >;
    readonly queues: Readonly<Record<string, Readonly<Record<string, number>>>>;
    readonly recordings_expected: number;
  };
}

export { CAPTURES_DIR };

export function loadTruth(name: string): CaptureTruth {
  return JSON.parse(readFileSync(`${CAPTURES_DIR}/${name}.truth.json`, 'utf8')) as CaptureTruth;
}

/** The capture call center's configuration with each agent's hire date as of the capture day. */
export function withCaptureHireDates(
  config: CallCenterConfig,
  truth: CaptureTruth,
): CallCenterConfig {
  const captureDay = Date.parse(`${localDay(truth.t0_epoch_ms, config.timezone)}T00:00:00Z`);
  const hired = new Map(truth.agents.map((a) => [String(a.ext), a.hired_days_ago]));
  return {
    ...config,
    agents: config.agents.map((agent) => {
      const daysAgo = hired.get(agent.id);
      if (daysAgo === undefined) return agent;
      const d = new Date(captureDay - daysAgo * 86_400_000);
      return { ...agent, hireDate: d.toISOString().slice(0, 10) };
    }),
  };
}
