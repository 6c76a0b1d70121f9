import { AmiHarness } from './testing/ami-harness';
import { delay, type Header, type ReceivedAction } from './testing/fake-ami-server';

const listStart = (message: string): Header[] => [
  ['Response', 'Success'],
  ['EventList', 'start'],
  ['Message', message],
];

function withId(action: ReceivedAction, headers: Header[]): Header[] {
  const [first, ...rest] = headers;
  return first ? [first, ['ActionID', action.actionId], ...rest] : [];
}

describe('AmiConnection list actions', () => {
  let harness: AmiHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('collects items by ActionID until EventList: Complete while live events keep flowing', async () => {
    harness = await AmiHarness.up();
    const { conn, server } = harness;
    server.on('QueueStatus', (a, s) => {
      s.respond(a, listStart('Queue status will follow'));
      s.send([
        ['Event', 'QueueMemberStatus'],
        ['Privilege', 'agent,all'],
        ['Queue', 'sales'],
      ]);
      s.send(
        withId(a, [
          ['Event', 'QueueParams'],
          ['Queue', 'sales'],
          ['Calls', '0'],
        ]),
      );
      s.send([
        ['Event', 'Newchannel'],
        ['Channel', 'PJSIP/1001-00000001'],
      ]);
      s.send(
        withId(a, [
          ['Event', 'QueueMember'],
          ['Name', 'Alice'],
          ['Location', 'PJSIP/1001'],
        ]),
      );
      s.send(
        withId(a, [
          ['Event', 'QueueStatusComplete'],
          ['EventList', 'Complete'],
          ['ListItems', '2'],
        ]),
      );
      s.send([
        ['Event', 'Hangup'],
        ['Channel', 'PJSIP/1001-00000001'],
      ]);
    });

    const result = await conn.list('QueueStatus', { Queue: 'sales' });

    expect(result.response.fields.eventlist).toBe('start');
    expect(result.items.map((i) => i.name)).toEqual(['QueueParams', 'QueueMember']);
    expect(result.items[1]?.fields).toMatchObject({
      name: 'Alice',
      location: 'PJSIP/1001',
      actionid: 'cti-1',
    });
    await harness.waitForEvent('Hangup');
    expect(harness.liveNames()).toEqual(['QueueMemberStatus', 'Newchannel', 'Hangup']);
    expect(conn.stats.listItemsIn).toBe(3);
  });

  it('rejects a list that ends with EventList: cancelled', async () => {
    harness = await AmiHarness.up();
    harness.server.on('CoreShowChannels', (a, s) => {
      s.respond(a, listStart('Channels will follow'));
      s.send(
        withId(a, [
          ['Event', 'CoreShowChannel'],
          ['Channel', 'PJSIP/1-1'],
        ]),
      );
      s.send(
        withId(a, [
          ['Event', 'CoreShowChannelsComplete'],
          ['EventList', 'cancelled'],
        ]),
      );
    });
    await expect(harness.conn.list('CoreShowChannels')).rejects.toMatchObject({
      code: 'list-cancelled',
      message: 'AMI list CoreShowChannels (cti-1) was cancelled by Asterisk',
    });
    expect(harness.liveNames()).toEqual([]);
  });

  it('rejects on an Error response and on timeout; late items of a timed-out list stay off events$', async () => {
    harness = await AmiHarness.up({ listTimeoutMs: 150 });
    const { conn, server } = harness;
    server.on('DeviceStateList', (a, s) =>
      s.respond(a, [
        ['Response', 'Error'],
        ['Message', 'Permission denied'],
      ]),
    );
    await expect(conn.list('DeviceStateList')).rejects.toMatchObject({ code: 'action-failed' });

    server.on('Agents', (a, s) => s.respond(a, listStart('Agents will follow')));
    await expect(conn.list('Agents')).rejects.toMatchObject({ code: 'timeout' });
    const agents = server.actionsNamed('Agents')[0]!;
    agents.session.send(
      withId(agents, [
        ['Event', 'Agents'],
        ['Agent', '1001'],
      ]),
    );
    agents.session.send(
      withId(agents, [
        ['Event', 'AgentsComplete'],
        ['EventList', 'Complete'],
      ]),
    );
    agents.session.send([['Event', 'Newstate']]);
    await harness.waitForEvent('Newstate');
    expect(harness.liveNames()).toEqual(['Newstate']);
  });

  it('rejects a list in progress when the connection drops', async () => {
    harness = await AmiHarness.up();
    harness.server.on('QueueStatus', (a, s) => {
      s.respond(a, listStart('Queue status will follow'));
      s.send(
        withId(a, [
          ['Event', 'QueueParams'],
          ['Queue', 'sales'],
        ]),
      );
      setTimeout(() => s.destroy(), 20);
    });
    await expect(harness.conn.list('QueueStatus')).rejects.toMatchObject({ code: 'closed' });
  });
});

describe('AmiConnection keeps repeated keys and VarSet names', () => {
  let harness: AmiHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('keeps ChanVariable, DestChanVariable, Status Variable and Output values in order', async () => {
    harness = await AmiHarness.up();
    const { conn, server } = harness;
    server.on('Status', (a, s) => {
      s.respond(a, listStart('Channel status will follow'));
      s.send(
        withId(a, [
          ['Event', 'Status'],
          ['Channel', 'PJSIP/1001-00000001'],
          ['Variable', 'QUEUE=sales'],
          ['Variable', 'FORMULA=a=b+c'],
          ['Variable', 'EMPTY='],
        ]),
      );
      s.send(
        withId(a, [
          ['Event', 'StatusComplete'],
          ['EventList', 'Complete'],
          ['Items', '1'],
        ]),
      );
    });
    server.on('Command', (a, s) =>
      s.respond(a, [
        ['Response', 'Success'],
        ['Message', 'Command output follows'],
        ['Output', 'Name/username   Host'],
        ['Output', ''],
        ['Output', '1001/1001   10.0.0.1'],
      ]),
    );
    server.lastSession.send([
      ['Event', 'DialBegin'],
      ['Channel', 'PJSIP/trunk-1'],
      ['ChanVariable', 'CALLID=abc'],
      ['ChanVariable', 'CAMPAIGN=spring'],
      ['DestChannel', 'PJSIP/1001-2'],
      ['DestChanVariable', 'CALLID=def'],
      ['DestChanVariable', 'CAMPAIGN=autumn'],
      ['DialString', '1001'],
    ]);
    server.lastSession.send([
      ['Event', 'Hangup'],
      ['DestChanVariable', 'ONLY=one'],
    ]);

    const status = await conn.list('Status');
    const command = await conn.action('Command', { Command: 'pjsip show contacts' });
    await harness.waitForEvent('Hangup');

    expect(status.items[0]?.repeated.variable).toEqual(['QUEUE=sales', 'FORMULA=a=b+c', 'EMPTY=']);
    expect(status.items[0]?.fields.variable).toBe('QUEUE=sales');
    expect(command.repeated.output).toEqual(['Name/username   Host', '', '1001/1001   10.0.0.1']);
    const dial = harness.events.find((e) => e.name === 'DialBegin')!;
    expect(dial.repeated).toEqual({
      chanvariable: ['CALLID=abc', 'CAMPAIGN=spring'],
      destchanvariable: ['CALLID=def', 'CAMPAIGN=autumn'],
    });
    expect(dial.fields.dialstring).toBe('1001');
    const hangup = harness.events.find((e) => e.name === 'Hangup')!;
    expect(hangup.repeated.destchanvariable).toEqual(['ONLY=one']);
  });

  it('restores the VarSet variable name the library turns into an object key', async () => {
    harness = await AmiHarness.up();
    harness.server.lastSession.send([
      ['Event', 'VarSet'],
      ['Channel', 'PJSIP/1001-00000001'],
      ['Variable', 'QUEUE_PRIO'],
      ['Value', '5'],
    ]);
    await harness.waitForEvent('VarSet');
    const varSet = harness.events.find((e) => e.name === 'VarSet')!;
    expect(varSet.fields).toMatchObject({ variable: 'QUEUE_PRIO', value: '5' });
    expect(varSet.repeated.variable).toEqual(['QUEUE_PRIO']);
  });

  it('survives invalid UTF-8 bytes and unknown events', async () => {
    harness = await AmiHarness.up();
    const session = harness.server.lastSession;
    session.write(
      Buffer.concat([
        Buffer.from('Event: Newchannel\r\nCallerIDName: bad'),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('\r\nCallerIDNum: 100\r\n\r\n'),
      ]),
    );
    session.send([
      ['Event', 'SomethingFromTheFuture'],
      ['Weird Key', 'x'],
      ['NoColonLine', ''],
    ]);
    session.write('Event: Rename\r\nNewname: 张敏\r\n\r\n');
    await harness.waitForEvent('Rename');
    await delay(10);
    const [newchannel, future, rename] = harness.events.filter((e) => e.name !== 'FullyBooted');
    expect(newchannel?.fields.calleridname).toMatch(/^bad\uFFFD+$/);
    expect(newchannel?.fields.calleridnum).toBe('100');
    expect(future?.name).toBe('SomethingFromTheFuture');
    expect(rename?.fields.newname).toBe('张敏');
    expect(harness.conn.status.state).toBe('up');
    await expect(harness.conn.action('Ping')).resolves.toMatchObject({ name: 'Success' });
  });
});
