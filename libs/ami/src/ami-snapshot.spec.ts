import { fetchSnapshot } from './ami-snapshot';
import { AmiHarness } from './testing/ami-harness';
import { serveList } from './testing/fake-ami-server';

describe('fetchSnapshot', () => {
  let harness: AmiHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('runs QueueStatus, CoreShowChannels and DeviceStateList one after another', async () => {
    let now = 1_000;
    harness = await AmiHarness.up({ clock: () => now++ });
    const log: string[] = [];
    serveList(
      harness.server,
      'QueueStatus',
      [
        [
          ['Event', 'QueueParams'],
          ['Queue', 'sales'],
        ],
        [
          ['Event', 'QueueMember'],
          ['Name', 'Alice'],
        ],
      ],
      log,
    );
    serveList(
      harness.server,
      'CoreShowChannels',
      [
        [
          ['Event', 'CoreShowChannel'],
          ['Channel', 'PJSIP/1-1'],
        ],
      ],
      log,
    );
    serveList(
      harness.server,
      'DeviceStateList',
      [
        [
          ['Event', 'DeviceStateChange'],
          ['Device', 'PJSIP/1001'],
          ['State', 'INUSE'],
        ],
      ],
      log,
    );
    const before = now;

    const snapshot = await fetchSnapshot(harness.conn);

    expect(log).toEqual([
      'QueueStatus received',
      'QueueStatus complete',
      'CoreShowChannels received',
      'CoreShowChannels complete',
      'DeviceStateList received',
      'DeviceStateList complete',
    ]);
    expect(snapshot.queueStatus.map((m) => m.name)).toEqual(['QueueParams', 'QueueMember']);
    expect(snapshot.channels.map((m) => m.fields.channel)).toEqual(['PJSIP/1-1']);
    expect(snapshot.devices.map((m) => m.fields.state)).toEqual(['INUSE']);
    expect(snapshot.takenAt).toBe(before);
    expect(snapshot.warnings).toEqual([]);
    expect(harness.liveNames()).toEqual([]);
  });

  it('returns devices: [] with a warning when DeviceStateList is refused', async () => {
    harness = await AmiHarness.up();
    serveList(harness.server, 'QueueStatus', [], []);
    serveList(harness.server, 'CoreShowChannels', [], []);
    harness.server.on('DeviceStateList', (a, s) =>
      s.respond(a, [
        ['Response', 'Error'],
        ['Message', 'Permission denied'],
      ]),
    );

    const snapshot = await fetchSnapshot(harness.conn);

    expect(snapshot.devices).toEqual([]);
    expect(snapshot.warnings).toEqual([
      'device states unavailable, continuing without them: AMI action DeviceStateList (cti-3) failed: Permission denied',
    ]);
  });

  it('rejects when QueueStatus or CoreShowChannels fails', async () => {
    harness = await AmiHarness.up();
    serveList(harness.server, 'QueueStatus', [], []);
    harness.server.on('CoreShowChannels', (a, s) =>
      s.respond(a, [
        ['Response', 'Error'],
        ['Message', 'Permission denied'],
      ]),
    );
    await expect(fetchSnapshot(harness.conn)).rejects.toMatchObject({ code: 'action-failed' });
    expect(harness.server.actionsNamed('DeviceStateList')).toHaveLength(0);

    harness.server.on('QueueStatus', (a, s) =>
      s.respond(a, [
        ['Response', 'Error'],
        ['Message', 'Permission denied'],
      ]),
    );
    await expect(fetchSnapshot(harness.conn)).rejects.toMatchObject({ code: 'action-failed' });
  });
});
