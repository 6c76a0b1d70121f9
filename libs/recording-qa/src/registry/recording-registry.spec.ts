import { utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleBytes, sha256Of, tempStorageWithSamples } from '../testing/sample-recordings';
import { legOutput, registryFixture, startedOutput } from '../testing/registry-fixture';

const T = Date.UTC(2026, 10, 27, 1, 0, 0);

describe('recording registry', () => {
  const temp = tempStorageWithSamples();
  afterAll(() => temp.cleanup());

  it('registers a started recording as pending and learns its call from the completed leg', async () => {
    const f = registryFixture(temp.root);
    f.registry.handle(startedOutput('1795818552.70', T));
    f.registry.handle(
      legOutput({
        agentId: '1007',
        customerUniqueid: '1795818552.70',
        answeredAt: T + 5,
        endedAt: T + 12_000,
      }),
    );
    await f.registry.idle();
    expect(await f.repo.get('1795818552.70')).toMatchObject({
      status: 'pending',
      location: '1795818552.70.wav',
      format: 'wav',
      agentId: '1007',
      teamId: 'north',
      queue: 'support',
      direction: 'inbound',
      customerMasked: '150****0008',
      callEndedAt: T + 12_000,
      startedBy: 'pbx',
    });
  });

  it('completes a settled file with its SHA-256 and duration; never before the call ended', async () => {
    const f = registryFixture(temp.root);
    f.registry.handle(startedOutput('1795818552.70', T));
    await f.registry.idle();
    expect(await f.checker.checkFiles(T + 20_000)).toEqual({
      checked: 1,
      completed: 0,
      flagged: 0,
    });
    f.registry.handle(
      legOutput({
        agentId: '1007',
        customerUniqueid: '1795818552.70',
        answeredAt: T,
        endedAt: T + 12_000,
      }),
    );
    await f.registry.idle();
    await f.checker.checkFiles(T + 13_000); // first sight of the file
    expect((await f.repo.get('1795818552.70'))!.status).toBe('pending');
    expect(await f.checker.checkFiles(T + 19_000)).toMatchObject({ completed: 1 });
    const bytes = sampleBytes('1795818552.70.wav');
    expect(await f.repo.get('1795818552.70')).toMatchObject({
      status: 'complete',
      sha256: sha256Of(bytes),
      size: bytes.length,
      durationSeconds: 11.96,
    });
  });

  it('names a click-to-dial recording by the agent leg and a second queue pass with -2', async () => {
    const f = registryFixture(temp.root);
    f.registry.handle(
      startedOutput('1795818710.6', T, '1795818709.2', 'Local/17781690008@customers-00000003;1'),
    );
    f.registry.handle(
      legOutput({
        agentId: '1002',
        customerUniqueid: '1795818710.6',
        agentUniqueid: '1795818709.2',
        direction: 'outbound',
        via: 'dial',
        queue: undefined,
        answeredAt: T,
      }),
    );
    f.registry.handle(startedOutput('1795821991.72', T));
    f.registry.handle(
      legOutput({ agentId: '1001', customerUniqueid: '1795821991.72', answeredAt: T + 1 }),
    );
    f.registry.handle(startedOutput('1795821991.72', T + 20_000));
    f.registry.handle(
      legOutput({ agentId: '1002', customerUniqueid: '1795821991.72', answeredAt: T + 20_002 }),
    );
    f.registry.handle(startedOutput('1795821991.72', T + 20_000)); // re-sent: ignored
    await f.registry.idle();
    expect((await f.repo.get('1795818710.6'))!.location).toBe('1795818709.2.wav');
    expect((await f.repo.list({})).map((e) => [e.id, e.location, e.agentId])).toEqual([
      ['1795818710.6', '1795818709.2.wav', '1002'],
      ['1795821991.72', '1795821991.72.wav', '1001'],
      ['1795821991.72-2', '1795821991.72-2.wav', '1002'],
    ]);
  });

  it('flags a file that never appears, one that stays empty, and one that changes after registration', async () => {
    const f = registryFixture(temp.root);
    writeFileSync(join(temp.root, '1795800000.1.wav'), '');
    for (const u of ['1795800000.1', '1795800000.2', '1795818523.22']) {
      f.registry.handle(startedOutput(u, T));
      f.registry.handle(
        legOutput({ agentId: '1001', customerUniqueid: u, answeredAt: T, endedAt: T + 3_000 }),
      );
    }
    await f.registry.idle();
    await f.checker.checkFiles(T + 4_000);
    await f.checker.checkFiles(T + 10_000);
    expect((await f.repo.get('1795818523.22'))!.status).toBe('complete');
    await f.checker.checkFiles(T + 64_000);
    expect((await f.repo.get('1795818523.22'))!.status).toBe('complete');
    expect(await f.repo.get('1795800000.1')).toMatchObject({
      status: 'empty',
      flagReason: 'file is empty',
    });
    expect(await f.repo.get('1795800000.2')).toMatchObject({
      status: 'missing',
      flagReason: 'file never appeared',
    });
    appendFileSync(join(temp.root, '1795818523.22.wav'), Buffer.alloc(320));
    await f.checker.checkFiles(T + 70_000);
    expect((await f.repo.get('1795818523.22'))!.status).toBe('changed');
    expect(f.alerts.raised.map((a) => [a.kind, a.recordingId])).toEqual([
      ['recording-empty', '1795800000.1'],
      ['recording-missing', '1795800000.2'],
      ['recording-changed', '1795818523.22'],
    ]);
    expect(await f.repo.list({ statuses: ['complete'] })).toEqual([]);
  });

  it('refuses to serve a file whose bytes were tampered with, even with size and time restored', async () => {
    const f = registryFixture(temp.root);
    f.registry.handle(startedOutput('1795818709.2', T));
    f.registry.handle(
      legOutput({
        agentId: '1002',
        customerUniqueid: '1795818709.2',
        answeredAt: T,
        endedAt: T + 13_000,
      }),
    );
    await f.registry.idle();
    await f.checker.checkFiles(T + 14_000);
    await f.checker.checkFiles(T + 20_000);
    const entry = (await f.repo.get('1795818709.2'))!;
    await expect(f.checker.verifyForServing(entry, T + 21_000)).resolves.toBe(entry);
    const path = join(temp.root, '1795818709.2.wav');
    const bytes = sampleBytes('1795818709.2.wav');
    const tampered = Buffer.from(bytes);
    tampered[5000] = tampered[5000]! ^ 0xff;
    writeFileSync(path, tampered);
    utimesSync(path, new Date(entry.mtimeMs!), new Date(entry.mtimeMs!));
    await expect(f.checker.verifyForServing(entry, T + 200_000)).rejects.toMatchObject({
      code: 'QA_RECORDING_INTEGRITY_FAILED',
      status: 500,
    });
    expect(await f.repo.get('1795818709.2')).toMatchObject({
      status: 'changed',
      flagReason: 'SHA-256 differs from the registered hash',
    });
    expect(f.alerts.raised.map((a) => a.kind)).toEqual(['recording-integrity-failed']);
    writeFileSync(path, bytes);
  });

  it('deletes recordings past retention and keeps a deletion record', async () => {
    const f = registryFixture(temp.root);
    writeFileSync(join(temp.root, '1795700000.5.wav'), sampleBytes('1795818523.22.wav'));
    f.registry.handle(startedOutput('1795700000.5', T));
    f.registry.handle(
      legOutput({
        agentId: '1001',
        customerUniqueid: '1795700000.5',
        answeredAt: T,
        endedAt: T + 3_000,
      }),
    );
    f.registry.handle(startedOutput('1795700000.9', T + 86_400_000));
    await f.registry.idle();
    await f.checker.checkFiles(T + 4_000);
    await f.checker.checkFiles(T + 10_000);
    expect(await f.retention.purgeExpired(T + 30 * 86_400_000 - 1)).toEqual([]);
    const deleted = await f.retention.purgeExpired(T + 30 * 86_400_000);
    expect(deleted).toEqual([
      expect.objectContaining({
        recordingId: '1795700000.5',
        location: '1795700000.5.wav',
        fileFound: true,
        retentionDays: 30,
        reason: 'retention',
      }),
    ]);
    expect(await f.storage.stat('1795700000.5.wav')).toMatchObject({ exists: false });
    expect((await f.repo.get('1795700000.5'))!.status).toBe('deleted');
    expect((await f.repo.get('1795700000.9'))!.status).toBe('pending');
    expect(await f.repo.deletions()).toHaveLength(1);
  });
});
