import { readConfigFile, validateConfig } from '@cti/config';
import { startTestDatabase } from '../../../testing/src/postgres-test-db';
import { type AgentLeg, type CallCenterConfig, type CoreOutput, localDay } from '@cti/domain';
import { replayCapture } from '@cti/testing';
import {
  CAPTURES_DIR,
  loadTruth,
  withCaptureHireDates,
} from '../../../../test/support/capture-truth';
import { addDays, computeDayLedger, type ScheduleConfig, type WorkforceRuleSet } from '@cti/domain';
import { WorkforceHarness } from '../testing/harness';

const CAPTURES = ['inbound-day', 'outbound-quota', 'transfers', 'blended'];
const CONFIG = `${__dirname}/../../../../config/examples/capture-call-center.yaml`;

/** Every day is a working day around the clock: the captures last minutes, at any hour. */
const ALL_DAY = {
  patterns: { all: { periods: [{ start: '00:00', end: '24:00' }] } },
  seasons: [],
  default: { kind: 'weekly', workdays: [1, 2, 3, 4, 5, 6, 7], patterns: { '*': 'all' } },
};

/** The capture's scaled rule (10 s, quota 4 / 2 for new hires), counting as a variant says. */
function scaled(
  version: string,
  effectiveFrom: string,
  directions: ('inbound' | 'outbound')[],
  unique: boolean,
): WorkforceRuleSet {
  return {
    version,
    effectiveFrom,
    effective: { minTalkSeconds: 10, directions, uniqueNumberPerAgentDay: unique },
    quota: { default: 4, newHire: 2, newHireDays: 15 },
  };
}

const VARIANTS = [
  {
    name: 'outbound',
    directions: ['outbound'],
    unique: false,
    effective: 'outbound_effective',
    met: 'quota_met_outbound',
  },
  {
    name: 'outbound, each number once',
    directions: ['outbound'],
    unique: true,
    effective: 'outbound_effective_unique_numbers',
    met: 'quota_met_outbound_unique_numbers',
  },
  {
    name: 'both directions',
    directions: ['inbound', 'outbound'],
    unique: false,
    effective: 'effective_total',
    met: undefined,
  },
  {
    name: 'both directions, each number once',
    directions: ['inbound', 'outbound'],
    unique: true,
    effective: 'effective_unique_numbers',
    met: undefined,
  },
] as const;

interface Replayed {
  readonly config: CallCenterConfig;
  readonly day: string;
  readonly outputs: CoreOutput[];
  readonly legs: AgentLeg[];
}

const replays = new Map<string, Promise<Replayed>>();

function replayed(name: string): Promise<Replayed> {
  let r = replays.get(name);
  if (!r) {
    r = (async () => {
      const truth = loadTruth(name);
      const config = withCaptureHireDates(validateConfig(readConfigFile(CONFIG)), truth);
      const { outputs } = await replayCapture({
        capturePath: `${CAPTURES_DIR}/${name}.ami.jsonl`,
        config,
      });
      const legs = outputs.flatMap((o) => (o.type === 'call-completed' ? [o.leg] : []));
      return { config, day: localDay(truth.t0_epoch_ms, config.timezone), outputs, legs };
    })();
    replays.set(name, r);
  }
  return r;
}

describe.each(CAPTURES)('the quota ledger over the capture %s', (name) => {
  it.each(VARIANTS)('equals the ground truth, counting $name', async (variant) => {
    const truth = loadTruth(name);
    const { config, day, legs } = await replayed(name);
    const schedule: ScheduleConfig = {
      timezone: config.timezone,
      patterns: ALL_DAY.patterns,
      seasons: [],
      defaultSchedule: {
        kind: 'weekly',
        workdays: [1, 2, 3, 4, 5, 6, 7],
        patterns: { '*': 'all' },
      },
      teams: {},
      agents: {},
      overrides: [],
      crossMidnightClaimHours: 0,
    };
    const rules = scaled('capture', '2020-01-01', [...variant.directions], variant.unique);
    const ledger = computeDayLedger({
      agents: config.agents,
      day,
      ruleSets: [rules],
      schedule,
      legs,
      now: Date.parse(`${addDays(day, 2)}T00:00:00Z`),
    });
    const expected = Object.entries(truth.expected.per_agent).map(([id, e]) => [
      id,
      e.quota,
      e[variant.effective],
      variant.met ? e[variant.met] : Number(e[variant.effective]) >= Number(e.quota),
    ]);
    const got = Object.keys(truth.expected.per_agent).map((id) => {
      const entry = ledger.entries.find((e) => e.agentId === id)!;
      return [id, entry.quota, entry.effective, entry.met];
    });
    expect(got).toEqual(expected);
  });
});

describe('recomputing stored days after a rule change (real PostgreSQL)', () => {
  it('the day before the change keeps the old result and version; the day after gets the new', async () => {
    const name = 'blended';
    const truth = loadTruth(name);
    const { config, day, outputs } = await replayed(name);
    const h = await WorkforceHarness.start(
      await startTestDatabase(),
      Date.parse(`${day}T00:00:00Z`),
      { schedule: ALL_DAY, ruleSets: [scaled('v-old', '2020-01-01', ['outbound'], false)] },
      config,
    );
    try {
      // The same calls again the next day (new ids), as if the day repeated after the change.
      const shifted = outputs.flatMap((o): CoreOutput[] =>
        o.type === 'call-completed'
          ? [{ type: 'call-completed', leg: shift(o.leg, 86_400_000, config.timezone) }]
          : [],
      );
      h.push(...outputs, ...shifted);
      await h.settle();
      const next = addDays(day, 1);
      const now = Date.parse(`${addDays(day, 3)}T00:00:00Z`);
      h.clock.set(Date.parse(`${next}T00:00:00Z`));
      await h.stores.rules.add(
        {
          ...scaled('v-new', next, ['inbound', 'outbound'], false),
          quota: { default: 3, newHire: 1, newHireDays: 15 },
        },
        'admin',
      );
      const before = await h.quotaDay.ledger(day, now);
      const after = await h.quotaDay.ledger(next, now);
      expect([before.ruleVersion, after.ruleVersion]).toEqual(['v-old', 'v-new']);
      for (const [id, e] of Object.entries(truth.expected.per_agent)) {
        expect(before.entries.find((x) => x.agentId === id)).toMatchObject({
          ruleVersion: 'v-old',
          quota: e.quota,
          effective: e.outbound_effective,
          met: e.quota_met_outbound,
        });
        const newQuota = Number(e.quota) === 2 ? 1 : 3;
        expect(after.entries.find((x) => x.agentId === id)).toMatchObject({
          ruleVersion: 'v-new',
          quota: newQuota,
          effective: e.effective_total,
          met: Number(e.effective_total) >= newQuota,
        });
      }
      // Recomputed again, later, the old day has not moved.
      expect(await h.quotaDay.ledger(day, now + 86_400_000)).toMatchObject({
        ruleVersion: 'v-old',
        entries: before.entries,
      });
    } finally {
      await h.stop();
    }
  });
});

function shift(leg: AgentLeg, ms: number, tz: string): AgentLeg {
  const answeredAt = leg.answeredAt !== undefined ? leg.answeredAt + ms : undefined;
  return {
    ...leg,
    id: `${leg.id}+1d`,
    startedAt: leg.startedAt + ms,
    endedAt: leg.endedAt + ms,
    ...(answeredAt !== undefined ? { answeredAt } : {}),
    day: localDay(answeredAt ?? leg.startedAt + ms, tz),
  };
}
