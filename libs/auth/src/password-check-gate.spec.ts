import { AuthError } from './auth-errors';
import { PasswordCheckGate } from './password-check-gate';

/** A check the test finishes by hand. */
function manualCheck() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { run: () => done, finish };
}

describe('PasswordCheckGate', () => {
  it('runs 2 at once, queues 8, refuses the rest at once with RATE_LIMITED and Retry-After 1', async () => {
    const gate = new PasswordCheckGate({ concurrent: 2, queued: 8 });
    let running = 0;
    let peak = 0;
    const checks = Array.from({ length: 10 }, () => manualCheck());
    const results = checks.map((c) =>
      gate.run(async () => {
        peak = Math.max(peak, ++running);
        await c.run();
        running--;
      }),
    );
    const refused = await gate.run(async () => 'ran').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    expect(gate.refused).toBe(1);
    for (const c of checks) {
      c.finish();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(results);
    expect(peak).toBe(2);
    // Free again once the queue drained.
    await expect(gate.run(async () => 'ran')).resolves.toBe('ran');
  });

  it('frees the slot when a check throws', async () => {
    const gate = new PasswordCheckGate({ concurrent: 1, queued: 0 });
    await expect(gate.run(() => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await expect(gate.run(async () => 'ok')).resolves.toBe('ok');
  });
});
