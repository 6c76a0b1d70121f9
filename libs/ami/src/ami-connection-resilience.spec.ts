import { AmiHarness } from './testing/ami-harness';
import { waitFor } from './testing/fake-ami-server';

const TWO_MB = 2 * 1024 * 1024;

describe('AmiConnection liveness and frame bounds', () => {
  let harness: AmiHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('pings while up and destroys a half-open link whose Ping goes unanswered, then reconnects', async () => {
    harness = await AmiHarness.up({ pingIntervalMs: 100, pingTimeoutMs: 150 });
    const { conn, server } = harness;
    await waitFor(() => server.actionsNamed('Ping').length >= 2, 1000, 'answered pings');
    expect(conn.status.state).toBe('up');

    server.answerPing = false; // socket stays open, nothing comes back
    const halfOpen = server.lastSession;
    await waitFor(() => halfOpen.closed, 1000, 'client to drop the silent session');
    server.answerPing = true;
    await harness.waitForLogins(2, 1500);

    const down = harness.statuses.find((s) => s.state === 'down' && s.error);
    expect(down?.error).toBe(
      `AMI Ping to 127.0.0.1:${server.port} unanswered after 150 ms and nothing received (half-open link?)`,
    );
    expect(conn.stats.reconnects).toBe(1);
  });

  it('keeps a link up whose Ping goes unanswered while events keep streaming (lag, not death)', async () => {
    harness = await AmiHarness.up({ pingIntervalMs: 50, pingTimeoutMs: 100 });
    const { conn, server } = harness;
    server.answerPing = false;
    const session = server.lastSession;
    let sent = 0;
    const stream = setInterval(
      () =>
        session.send([
          ['Event', 'Streamed'],
          ['Seq', `${++sent}`],
        ]),
      20,
    );
    try {
      await waitFor(() => conn.stats.latePings >= 3, 3000, 'three pings to time out');
    } finally {
      clearInterval(stream);
    }
    expect(session.closed).toBe(false);
    expect(conn.status.state).toBe('up');
    expect(conn.stats.reconnects).toBe(0);
    expect(harness.logins).toBe(1);
    expect(harness.liveNames().length).toBeGreaterThan(0);

    // Once the stream stops too, the same unanswered Ping means a dead link.
    await waitFor(() => session.closed, 2000, 'client to drop the now silent session');
    expect(conn.stats.reconnects).toBe(1);
  });

  it.each([
    ['one endless line', () => 'Event: Big\r\nData: ' + 'x'.repeat(TWO_MB)],
    [
      'garbage lines without a blank line',
      () => 'garbage line without end\r\n'.repeat(TWO_MB / 26),
    ],
  ])(
    'drops the socket on an oversized frame (%s), reconnects and stays bounded',
    async (_label, payload) => {
      harness = await AmiHarness.up();
      const { conn, server } = harness;
      const heapBefore = process.memoryUsage().heapUsed;
      const first = server.lastSession;
      first.write(payload());

      // Parsing 2 MB of garbage takes a while on a loaded machine: the bound is generous.
      await waitFor(() => first.closed, 15_000, 'client to drop the oversized frame');
      await harness.waitForLogins(2, 2000);
      server.lastSession.send([['Event', 'AfterResync']]);
      await harness.waitForEvent('AfterResync');

      expect(conn.stats.oversizedFrames).toBe(1);
      const logged = harness.logs.filter((l) => l.includes('exceeded'));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(
        `warn: AMI frame from 127.0.0.1:${server.port} exceeded 1048576 characters without ending; reconnecting in`,
      );
      expect(harness.liveNames()).toEqual(['AfterResync']);
      // The library's buffer was dropped with the old instance: no lasting growth beyond a few MB.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    },
  );

  it('accepts a large but complete frame below the cap', async () => {
    harness = await AmiHarness.up({ maxFrameChars: 256 * 1024 });
    const { conn, server } = harness;
    const lines = Array.from(
      { length: 2000 },
      (_, i) => ['Output', `line ${i} ${'y'.repeat(60)}`] as const,
    );
    server.on('Command', (a, s) => s.respond(a, [['Response', 'Success'], ...lines]));
    const response = await conn.action('Command', { Command: 'core show channels' });
    expect(response.repeated.output).toHaveLength(2000);
    expect(conn.stats.oversizedFrames).toBe(0);
  });
});
