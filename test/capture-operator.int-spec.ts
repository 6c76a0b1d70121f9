import { readConfigFile, validateConfig } from '@cti/config';
import { replayCapture } from '@cti/testing';
import { amiText } from '@cti/testing';
import { type CaptureRow, withLinkGap } from './support/capture-cuts';
import { loadTruth, withCaptureHireDates } from './support/capture-truth';

/**
 * An operator's connection recorded between two event-stream connections: it logs in with
 * `Events: off`, sends a command and gets nothing else. The product never opened it, so a
 * replay must not hand it to the product's second socket.
 */
function operatorConnection(at: number): CaptureRow[] {
  const row = (t: number, dir: 'in' | 'out', data: string): CaptureRow => ({
    t,
    conn: 2,
    dir,
    data,
  });
  return [
    row(at, 'in', 'Asterisk Call Manager/11.0.0\r\n'),
    row(
      at + 1,
      'out',
      amiText(
        ['Action', 'Login'],
        ['Username', 'ops'],
        ['Secret', 'x'],
        ['Events', 'off'],
        ['ActionID', '2-1'],
      ),
    ),
    row(
      at + 2,
      'in',
      amiText(['Response', 'Success'], ['ActionID', '2-1'], ['Message', 'Authentication accepted']),
    ),
    row(
      at + 3,
      'out',
      amiText(['Action', 'Command'], ['Command', 'core show uptime'], ['ActionID', '2-2']),
    ),
  ];
}

it('a replay serves the event-stream connections only: an operator connection is skipped', async () => {
  const truth = loadTruth('inbound-day');
  const config = withCaptureHireDates(
    validateConfig(readConfigFile(`${__dirname}/../config/examples/capture-call-center.yaml`)),
    truth,
  );
  // The stream reconnects at 100.0 s, where the capture holds Asterisk's real resync answers.
  const capturePath = withLinkGap('inbound-day', 100_001, 100_001, operatorConnection(99_000));
  const { summary, connections, link } = await replayCapture({ capturePath, config });
  expect(connections).toBe(2);
  expect(link.stats.resyncs).toBe(2);
  for (const a of truth.agents) {
    const got = summary.agents.find((x) => x.agentId === String(a.ext))!;
    expect({ agent: a.ext, sessions: got.sessions.length }).toEqual({ agent: a.ext, sessions: 1 });
    expect(got.pauses.map((p) => p.reason)).toEqual(a.pauses.map((p) => p.reason));
    got.pauses.forEach((p, i) =>
      expect({ agent: a.ext, i, off: Math.abs(p.seconds - a.pauses[i]!.duration_s) <= 1 }).toEqual({
        agent: a.ext,
        i,
        off: true,
      }),
    );
    const expected = truth.expected.per_agent[String(a.ext)]!;
    expect({ agent: a.ext, effective: got.effectiveTotal }).toEqual({
      agent: a.ext,
      effective: expected.effective_total,
    });
  }
  for (const [queue, expected] of Object.entries(truth.expected.queues)) {
    const got = summary.queues.find((q) => q.queue === queue)!;
    expect({ queue, offered: got.offered, answered: got.answered }).toEqual({
      queue,
      offered: expected.offered,
      answered: expected.answered,
    });
  }
});
