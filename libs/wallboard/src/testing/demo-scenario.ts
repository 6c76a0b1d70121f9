import { type PbxScript } from './call-center-fixture';

/** Effective-call history per agent for the demo day (calls of 60-200 s, a few short ones). */
const HISTORY: Readonly<Record<string, number>> = {
  '8001': 31,
  '8002': 22,
  '8003': 44,
  '8004': 52,
  '8005': 9,
  '8006': 27,
  '8007': 35,
  '8008': 18,
  '8009': 40,
  '8010': 14,
  '8011': 58,
  '8012': 6,
};
const OUTBOUND = new Set(['8009', '8010', '8011', '8012']);

/** A small deterministic PRNG so the demo looks the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function phone(rand: () => number): string {
  const prefixes = ['138', '139', '186', '135', '177', '150'];
  return (
    prefixes[Math.floor(rand() * prefixes.length)]! +
    String(Math.floor(rand() * 1e8)).padStart(8, '0')
  );
}

/**
 * A busy morning for demos and browser tests: a day's history of calls up to `now`, then agents
 * in every state — on calls in and out, ringing, dialing, paused (one far past its limit), on
 * hold, logged out — and callers waiting. Events are applied in time order up to `now`.
 */
export function playDemoMorning(script: PbxScript, now: number): void {
  const rand = prng(7);
  const start = now - 5 * 3_600_000;
  const agents = Object.keys(HISTORY);
  for (const id of agents)
    script.login(id, OUTBOUND.has(id) ? ['sales'] : ['support', 'sales'], start);
  // Interleave agents' calls in time order: the core's clock only moves forward.
  const next = new Map(agents.map((id) => [id, start + Math.floor(rand() * 60_000)]));
  const left = new Map(agents.map((id) => [id, HISTORY[id]! + 2]));
  const until = now - 25 * 60_000;
  for (;;) {
    const ready = agents
      .filter((id) => left.get(id)! > 0 && next.get(id)! < until)
      .sort((a, b) => next.get(a)! - next.get(b)!);
    const id = ready[0];
    if (!id) break;
    const from = next.get(id)!;
    const short = left.get(id)! <= 2; // two short calls each: answered but not effective
    const talk = short ? 12 : 60 + Math.floor(rand() * 140);
    const end = OUTBOUND.has(id)
      ? script.outboundCall(id, phone(rand), from, talk)
      : script.queueCall(
          id,
          rand() < 0.7 ? 'support' : 'sales',
          phone(rand),
          from,
          3 + Math.floor(rand() * 22),
          talk,
        );
    left.set(id, left.get(id)! - 1);
    next.set(id, end + 20_000 + Math.floor(rand() * 120_000));
  }
  const quiet = now - 18 * 60_000; // after every history call has ended
  for (let i = 0; i < 4; i++)
    script.abandon(
      'support',
      script.callerJoins('support', phone(rand), quiet + i * 1000),
      quiet + i * 1000 + 30_000,
    );
  script.logout('8012', now - 17 * 60_000);
  script.pause('8005', '小休', now - 14 * 60_000);
  script.pause('8002', '午餐', now - 12 * 60_000);
  const inbound = script.ring(
    '8001',
    'support',
    script.callerJoins('support', '13812345678', now - 200_000),
    now - 192_000,
  );
  script.answer(inbound, now - 190_000);
  const held = script.ring(
    '8006',
    'sales',
    script.callerJoins('sales', '13900001234', now - 100_000),
    now - 97_000,
  );
  script.answer(held, now - 95_000);
  script.apply({ type: 'hold', uniqueid: held.agent.uniqueid, at: now - 30_000 });
  const out = script.dial('8009', '18612345678', now - 70_000);
  script.answer(out, now - 62_000);
  script.dial('8010', '17755550000', now - 6_000);
  script.callerJoins('support', '13577778888', now - 41_000);
  const waiting = script.callerJoins('support', '15011112222', now - 9_000);
  script.ring('8004', 'support', waiting, now - 2_000);
  const done = script.ring(
    '8007',
    'sales',
    script.callerJoins('sales', '13622223333', now - 160_000),
    now - 158_000,
  );
  script.answer(done, now - 155_000);
  script.hangup(done, now - 4_000);
}
