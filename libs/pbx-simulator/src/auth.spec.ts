import { createHash } from 'node:crypto';
import { type RunningSimulator, startSimulator } from './index';
import { AmiTestClient } from './test-support/ami-test-client';
import { fastDay } from './test-support/record-run';

const USERS = [
  { username: 'cti', secret: 'cti-secret', read: 'all', write: 'all' },
  { username: 'viewer', secret: 'look', read: 'call,agent', write: 'call,reporting' },
];

describe('AMI sessions: login, rights, framing', () => {
  let sim: RunningSimulator;
  const clients: AmiTestClient[] = [];
  const open = async (): Promise<AmiTestClient> => {
    const c = await AmiTestClient.connect(sim.port);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    sim = await startSimulator({
      speed: Infinity,
      agents: 2,
      days: 0,
      users: USERS,
      authFailDelayMs: 10,
    });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await sim.stop();
  });

  it('greets with the Asterisk 22 banner and accepts a plain login, then FullyBooted', async () => {
    const c = await open();
    const ok = await c.request('Login', { Username: 'cti', Secret: 'cti-secret' });
    expect(c.banner).toBe('Asterisk Call Manager/11.0.0');
    expect(ok.fields).toEqual([
      ['Response', 'Success'],
      ['ActionID', ok.get('ActionID')],
      ['Message', 'Authentication accepted'],
    ]);
    const booted = await c.waitFor((f) => f.get('Event') === 'FullyBooted');
    expect(booted.fields.map(([k]) => k)).toEqual([
      'Event',
      'Privilege',
      'Uptime',
      'LastReload',
      'Status',
    ]);
    expect(booted.get('Privilege')).toBe('system,all');
    expect(booted.get('Status')).toBe('Fully Booted');
  });

  it('refuses a wrong password with "Authentication failed" and closes the connection', async () => {
    const c = await open();
    const refused = await c.request('Login', { Username: 'cti', Secret: 'wrong' });
    expect(refused.get('Response')).toBe('Error');
    expect(refused.get('Message')).toBe('Authentication failed');
    await expect(c.closed).resolves.toBeUndefined();
  });

  it('answers "Permission denied" to any action before login, and stays open', async () => {
    const c = await open();
    const denied = await c.request('QueueStatus');
    expect(denied.get('Response')).toBe('Error');
    expect(denied.get('Message')).toBe('Permission denied');
    const ok = await c.request('Login', { Username: 'cti', Secret: 'cti-secret' });
    expect(ok.get('Response')).toBe('Success');
  });

  it('answers "Permission denied" to an action needing a write class the user lacks', async () => {
    const c = await open();
    await c.request('Login', { Username: 'viewer', Secret: 'look' });
    const denied = await c.request('QueueAdd', {
      Queue: 'support',
      Interface: 'Local/1001@agents/n',
    });
    expect([denied.get('Response'), denied.get('Message')]).toEqual(['Error', 'Permission denied']);
    const originate = await c.request('Originate', {
      Channel: 'Local/1001@agent-phone/n',
      Exten: '13800000000',
    });
    expect(originate.get('Message')).toBe('Permission denied');
    // `call` is enough for Status (Asterisk: any write class in common).
    const status = await c.list('Status');
    expect(status[0].get('Response')).toBe('Success');
    // No `system` read class: no FullyBooted for this user.
    expect(c.frames.some((f) => f.get('Event') === 'FullyBooted')).toBe(false);
  });

  it('logs in with Challenge/MD5 and refuses a wrong key', async () => {
    const c = await open();
    const challenge = await c.request('Challenge', { AuthType: 'MD5' });
    expect(challenge.get('Challenge')).toMatch(/^\d+$/);
    const key = createHash('md5')
      .update(`${challenge.get('Challenge')}cti-secret`)
      .digest('hex');
    const ok = await c.request('Login', { AuthType: 'MD5', Username: 'cti', Key: key });
    expect(ok.get('Message')).toBe('Authentication accepted');

    const bad = await open();
    await bad.request('Challenge', { AuthType: 'MD5' });
    const refused = await bad.request('Login', { AuthType: 'MD5', Username: 'cti', Key: key });
    expect(refused.get('Message')).toBe('Authentication failed');
  });

  it('accepts bare LF, any key case and order (asterisk-manager writes sorted `Actionid`)', async () => {
    const c = await open();
    c.writeRaw('action: Login\nactionid: L1\nsecret: cti-secret\nusername: cti\n\n');
    await c.waitFor((f) => f.get('ActionID') === 'L1');
    c.writeRaw('Action: Ping\nActionid: p-1\n\n');
    const pong = await c.waitFor((f) => f.get('ActionID') === 'p-1');
    expect(pong.fields.map(([k]) => k)).toEqual(['Response', 'ActionID', 'Ping', 'Timestamp']);
    expect(pong.get('Timestamp')).toMatch(/^\d{10}\.\d{6}$/);
  });

  it('rejects unknown actions and says goodbye on Logoff', async () => {
    const c = await open();
    await c.request('Login', { Username: 'cti', Secret: 'cti-secret' });
    const unknown = await c.request('Frobnicate');
    expect(unknown.get('Response')).toBe('Error');
    expect(unknown.get('Message')).toMatch(/^Invalid\/unknown command/);
    const bye = await c.request('Logoff');
    expect([bye.get('Response'), bye.get('Message')]).toEqual([
      'Goodbye',
      'Thanks for all the fish.',
    ]);
    await expect(c.closed).resolves.toBeUndefined();
  });
});

describe('event filtering by read class and event mask', () => {
  it('sends a user only the classes it may read, and nothing after Events: off', async () => {
    const sim = await startSimulator(
      fastDay({
        dayLengthSec: 600,
        users: [{ username: 'agents', secret: 's', read: 'agent', write: '' }],
      }),
    );
    const c = await AmiTestClient.connect(sim.port);
    try {
      await c.request('Login', { Username: 'agents', Secret: 's' });
      await sim.finished;
      await c.request('Ping');
      const events = c.frames.filter((f) => f.get('Event') !== undefined);
      expect(events.length).toBeGreaterThan(100);
      expect(new Set(events.map((e) => e.get('Privilege')))).toEqual(new Set(['agent,all']));
      const off = await c.request('Events', { EventMask: 'off' });
      expect(off.get('Events')).toBe('Off');
    } finally {
      c.close();
      await sim.stop();
    }
  });
});
