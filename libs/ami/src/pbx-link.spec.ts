import { type PbxSnapshot, type TelephonyEvent } from '@cti/domain';
import { PbxLink, type TelephonySink } from './pbx-link';
import { AmiHarness } from './testing/ami-harness';
import { FakeAmiServer, serveList, waitFor } from './testing/fake-ami-server';

const LISTS = ['QueueStatus', 'CoreShowChannels', 'DeviceStateList'];

class RecordingSink implements TelephonySink {
  readonly snapshots: PbxSnapshot[] = [];
  readonly events: TelephonyEvent[] = [];
  apply(event: TelephonyEvent): void {
    this.events.push(event);
  }
  applySnapshot(snapshot: PbxSnapshot): void {
    this.snapshots.push(snapshot);
  }
}

describe('PbxLink resyncs', () => {
  let harness: AmiHarness | undefined;
  let link: PbxLink | undefined;
  afterEach(async () => {
    await link?.stop();
    await harness?.close();
    link = harness = undefined;
  });

  it('runs one resync at a time and folds repeated boots and reloads into one follow-up', async () => {
    const server = await FakeAmiServer.start();
    const log: string[] = [];
    for (const list of LISTS) serveList(server, list, [], log, 150);
    harness = new AmiHarness(server);
    const sink = new RecordingSink();
    link = new PbxLink(harness.conn, sink);
    link.start();
    await waitFor(() => log.includes('QueueStatus received'), 3000, 'the login resync');

    for (let i = 0; i < 10; i++) {
      server.lastSession.send([
        ['Event', 'Reload'],
        ['Module', 'app_queue.so'],
      ]);
      server.lastSession.send([['Event', 'FullyBooted']]);
    }
    await waitFor(() => sink.snapshots.length >= 2, 5000, 'the follow-up resync');
    await new Promise((r) => setTimeout(r, 600)); // room for any extra resync to show up

    expect(sink.snapshots).toHaveLength(2);
    expect(log.filter((l) => l === 'QueueStatus received')).toHaveLength(2);
    // Never two snapshots interleaved: each list completes before the next one starts.
    const order = log.map((l) => l.replace(/ (received|complete)$/, ''));
    expect(order).toEqual([...LISTS, ...LISTS].flatMap((l) => [l, l]));
    expect(link.stats.resyncs).toBe(2);
    expect(link.stats.resyncsCoalesced).toBeGreaterThanOrEqual(10);
    expect(link.isFresh).toBe(true);
  });

  it('retries a failing resync with a growing delay, not in a loop', async () => {
    const server = await FakeAmiServer.start();
    server.on('QueueStatus', (a, s) =>
      s.respond(a, [
        ['Response', 'Error'],
        ['Message', 'Permission denied'],
      ]),
    );
    harness = new AmiHarness(server);
    link = new PbxLink(harness.conn, new RecordingSink(), {
      log: () => undefined,
      warn: (m) => harness?.logs.push(m),
      error: () => undefined,
    });
    link.start();
    await waitFor(() => link!.stats.resyncFailures >= 1, 3000, 'the first failure');
    // Boots and reloads during the wait do not add attempts.
    for (let i = 0; i < 5; i++) server.lastSession.send([['Event', 'FullyBooted']]);
    await new Promise((r) => setTimeout(r, 2_600));

    expect(link.stats.resyncFailures).toBe(2);
    expect(server.actionsNamed('QueueStatus')).toHaveLength(2);
    expect(harness.logs.filter((l) => l.startsWith('resync failed'))).toEqual([
      expect.stringContaining('retrying in 2000 ms'),
      expect.stringContaining('retrying in 4000 ms'),
    ]);
    expect(link.isFresh).toBe(false);
  }, 10_000);
});
