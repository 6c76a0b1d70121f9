import { AmiConnection, AmiError, type AmiLinkStatus } from '@cti/ami';
import { type RunningSimulator, startSimulator } from '@cti/pbx-simulator';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';

/** The product's AMI adapter against the built-in simulator's refusals, as against Asterisk. */
describe('the adapter facing the simulator', () => {
  let sim: RunningSimulator;
  const connections: AmiConnection[] = [];

  beforeAll(async () => {
    sim = await startSimulator({
      seed: 5,
      authFailDelayMs: 10,
      users: [
        { username: 'cti', secret: 'right-secret', read: 'all', write: 'call' },
        { username: 'reader', secret: 'reader-secret', read: 'call', write: '' },
      ],
    });
  });

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.stop()));
    await sim.stop();
  });

  function connect(username: string, secret: string, logs: string[] = []): AmiConnection {
    const conn = new AmiConnection({
      host: sim.host,
      port: sim.port,
      username,
      secret,
      authFailureDelayMs: 60_000,
      logger: { log: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
    });
    connections.push(conn);
    conn.start();
    return conn;
  }

  const reaches = (conn: AmiConnection, state: AmiLinkStatus['state']) =>
    firstValueFrom(conn.status$.pipe(filter((s) => s.state === state)));

  it('reports a wrong password as a clear error naming host and user, never the secret', async () => {
    const logs: string[] = [];
    const conn = connect('cti', 'wrong-secret', logs);
    const status = await reaches(conn, 'auth-failed');
    expect(status.error).toBe(
      `AMI login to ${sim.host}:${sim.port} as 'cti' failed: Authentication failed`,
    );
    expect(logs.join('\n')).not.toContain('wrong-secret');
  });

  it('reports an action without the rights as refused by the PBX', async () => {
    const conn = connect('reader', 'reader-secret');
    await reaches(conn, 'up');
    const refused = conn.action('QueuePause', { Interface: 'Local/1001@agents/n', Paused: 'true' });
    await expect(refused).rejects.toBeInstanceOf(AmiError);
    await expect(refused).rejects.toThrow(/Permission denied/);
  });
});
