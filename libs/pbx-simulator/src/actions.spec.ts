import { type RunningSimulator, startSimulator } from './index';
import { AmiTestClient, type ReceivedFrame } from './test-support/ami-test-client';

/** Member and Originate actions sent by a client produce Asterisk's responses and events. */
describe('client actions on a quiet PBX', () => {
  let sim: RunningSimulator;
  let c: AmiTestClient;
  const eventsAfter = (start: number, type: string): ReceivedFrame[] =>
    c.frames.slice(start).filter((f) => f.get('Event') === type);

  beforeAll(async () => {
    // No day is simulated (days: 0): only what the client does happens.
    sim = await startSimulator({ speed: Infinity, agents: 3, days: 0 });
    c = await AmiTestClient.connect(sim.port);
    await c.request('Login', { Username: 'cti', Secret: 'cti-secret' });
  });
  afterAll(async () => {
    c.close();
    await sim.stop();
  });

  it('QueueAdd adds a member (QueueMemberAdded with the captured fields) and refuses a duplicate', async () => {
    const mark = c.frames.length;
    const headers = {
      Interface: 'Local/1002@agents/n',
      MemberName: 'Li Wei 李伟',
      StateInterface: 'Custom:1002',
      Penalty: '0',
      Paused: 'false',
    };
    const added = await c.request('QueueAdd', { Queue: 'support', ...headers });
    expect(added.get('Message')).toBe('Added interface to queue');
    await c.request('QueueAdd', { Queue: 'sales', ...headers });
    const again = await c.request('QueueAdd', { Queue: 'sales', ...headers });
    expect([again.get('Response'), again.get('Message')]).toEqual([
      'Error',
      'Unable to add interface: Already there',
    ]);
    const none = await c.request('QueueAdd', { Queue: 'nope', ...headers });
    expect(none.get('Message')).toBe('Unable to add interface to queue: No such queue');
    const events = eventsAfter(mark, 'QueueMemberAdded');
    expect(events.map((e) => e.get('Queue'))).toEqual(['support', 'sales']);
    expect(events[0].get('MemberName')).toBe('Li Wei 李伟');
    expect(events[0].get('Status')).toBe('0');
  });

  it('QueuePause without Queue pauses in every queue with the reason; unpause clears it', async () => {
    let mark = c.frames.length;
    const paused = await c.request('QueuePause', {
      Interface: 'Local/1002@agents/n',
      Paused: 'true',
      Reason: 'lunch',
    });
    expect(paused.get('Message')).toBe('Interface paused successfully');
    let events = eventsAfter(mark, 'QueueMemberPause');
    expect(events.map((e) => [e.get('Queue'), e.get('Paused'), e.get('PausedReason')])).toEqual([
      ['support', '1', 'lunch'],
      ['sales', '1', 'lunch'],
    ]);
    expect(Number(events[0].get('LastPause'))).toBeGreaterThan(1_700_000_000);
    mark = c.frames.length;
    await c.request('QueuePause', { Interface: 'Local/1002@agents/n', Paused: 'false' });
    events = eventsAfter(mark, 'QueueMemberPause');
    expect(events.map((e) => [e.get('Paused'), e.get('PausedReason')])).toEqual([
      ['0', ''],
      ['0', ''],
    ]);
    const unknown = await c.request('QueuePause', { Interface: 'PJSIP/none', Paused: 'true' });
    expect(unknown.get('Message')).toBe('Interface not found');
  });

  it('QueueStatus lists the member with Name/Location, and QueueRemove removes it', async () => {
    const list = await c.list('QueueStatus', { Queue: 'sales' });
    const member = list.find((f) => f.get('Event') === 'QueueMember') as ReceivedFrame;
    expect(member.fields.map(([k]) => k)).toEqual([
      'Event',
      'Queue',
      'Name',
      'Location',
      'StateInterface',
      'Membership',
      'Penalty',
      'CallsTaken',
      'LastCall',
      'LastPause',
      'LoginTime',
      'InCall',
      'Status',
      'Paused',
      'PausedReason',
      'Wrapuptime',
      'ActionID',
    ]);
    const mark = c.frames.length;
    const removed = await c.request('QueueRemove', {
      Queue: 'sales',
      Interface: 'Local/1002@agents/n',
    });
    expect(removed.get('Message')).toBe('Removed interface from queue');
    expect(eventsAfter(mark, 'QueueMemberRemoved').map((e) => e.get('Queue'))).toEqual(['sales']);
    const gone = await c.request('QueueRemove', {
      Queue: 'sales',
      Interface: 'Local/1002@agents/n',
    });
    expect(gone.get('Message')).toBe('Unable to remove interface: Not there');
  });

  it('Originate of a click-to-dial answers at once, then OriginateResponse and a full call', async () => {
    const mark = c.frames.length;
    const queued = await c.request('Originate', {
      Channel: 'Local/1003@agent-phone/n',
      Context: 'outbound',
      Exten: '13800138000',
      Priority: '1',
      Async: 'true',
    });
    expect(queued.get('Message')).toBe('Originate successfully queued');
    const response = await c.waitFor(
      (f) => f.get('Event') === 'OriginateResponse' && f.get('ActionID') === queued.get('ActionID'),
    );
    expect([response.get('Response'), response.get('Reason'), response.get('Exten')]).toEqual([
      'Success',
      '4',
      '13800138000',
    ]);
    await c.waitFor(
      (f) =>
        f.get('Event') === 'Hangup' &&
        /^Local\/1003@agent-phone-[0-9a-f]{8};2$/.test(f.get('Channel') ?? ''),
      5000,
    );
    const dialed = eventsAfter(mark, 'DialBegin').map((e) => e.get('DestChannel'));
    expect(dialed[0]).toMatch(/^Local\/1003@agent-phone-[0-9a-f]{8};1$/);
    expect(dialed[1]).toMatch(/^Local\/13800138000@customers-[0-9a-f]{8};1$/);
  });

  it('Originate of something it cannot place fails asynchronously', async () => {
    const queued = await c.request('Originate', {
      Channel: 'PJSIP/nobody',
      Exten: '1',
      Context: 'x',
    });
    const response = await c.waitFor(
      (f) => f.get('Event') === 'OriginateResponse' && f.get('ActionID') === queued.get('ActionID'),
    );
    expect([response.get('Response'), response.get('Reason')]).toEqual(['Failure', '0']);
  });
});
