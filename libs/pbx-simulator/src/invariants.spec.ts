import { type ReceivedFrame } from './test-support/ami-test-client';
import { fastDay, recordRun } from './test-support/record-run';

/** Invariants of real traffic, checked on a simulated hour of the simulator's stream. */
describe('invariants of the simulated traffic', () => {
  let events: ReceivedFrame[];

  beforeAll(async () => {
    const run = await recordRun(fastDay({ seed: 11, agents: 10, outboundPerAgentHour: 10 }));
    events = run.frames.filter(
      (f) => f.get('Event') !== undefined && f.get('Timestamp') !== undefined,
    );
  });

  const ofType = (type: string): ReceivedFrame[] => events.filter((e) => e.get('Event') === type);

  it('is a busy hour', () => {
    expect(ofType('Newchannel').length).toBeGreaterThan(500);
    expect(ofType('AgentConnect').length).toBeGreaterThan(50);
    expect(ofType('QueueCallerAbandon').length).toBeGreaterThan(0);
    expect(ofType('AgentRingNoAnswer').length).toBeGreaterThan(0);
    expect(ofType('QueueMemberPause').length).toBeGreaterThan(0);
    expect(new Set(ofType('DialEnd').map((e) => e.get('DialStatus')))).toEqual(
      new Set(['ANSWER', 'CANCEL', 'NOANSWER', 'BUSY', 'CONGESTION']),
    );
  });

  it('never reuses a Uniqueid and ends every Newchannel with a Hangup', () => {
    const created = ofType('Newchannel').map((e) => e.get('Uniqueid'));
    const hungUp = ofType('Hangup').map((e) => e.get('Uniqueid'));
    expect(new Set(created).size).toBe(created.length);
    expect(new Set(hungUp).size).toBe(hungUp.length);
    expect([...hungUp].sort()).toEqual([...created].sort());
  });

  it('mentions a channel only between its Newchannel and its Hangup', () => {
    const state = new Map<string, 'live' | 'gone'>();
    const problems: string[] = [];
    for (const e of events) {
      const type = e.get('Event') as string;
      const id = e.get('Uniqueid');
      if (type === 'Newchannel' && id) state.set(id, 'live');
      // Cdr records (UniqueID) may follow the Hangup, as in the captures; they are not channel events.
      if (type === 'Cdr') continue;
      for (const key of ['Uniqueid', 'DestUniqueid', 'LocalOneUniqueid', 'LocalTwoUniqueid']) {
        const ref = e.get(key);
        if (ref && state.get(ref) !== 'live' && type !== 'OriginateResponse')
          problems.push(`${type} ${key}=${ref}`);
      }
      if (type === 'Hangup' && id) state.set(id, 'gone');
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('ends every DialBegin with a DialEnd', () => {
    const open = new Set<string>();
    for (const e of events) {
      const key = `${e.get('Uniqueid') ?? '-'}>${e.get('DestUniqueid')}`;
      if (e.get('Event') === 'DialBegin') open.add(key);
      if (e.get('Event') === 'DialEnd') open.delete(key);
    }
    expect([...open]).toEqual([]);
  });

  it('has every bridged channel leave its bridge before it hangs up', () => {
    const inBridge = new Map<string, string>();
    const problems: string[] = [];
    for (const e of events) {
      const id = e.get('Uniqueid') as string;
      if (e.get('Event') === 'BridgeEnter') inBridge.set(id, e.get('BridgeUniqueid') as string);
      if (e.get('Event') === 'BridgeLeave') inBridge.delete(id);
      if (e.get('Event') === 'Hangup' && inBridge.has(id)) problems.push(id);
    }
    expect(problems).toEqual([]);
    expect(ofType('BridgeCreate').length).toBe(ofType('BridgeDestroy').length);
  });

  it('connects before it completes, and completes every connected queue call', () => {
    const connected = new Set<string>();
    const problems: string[] = [];
    for (const e of events) {
      const key = `${e.get('Uniqueid')}>${e.get('DestUniqueid')}`;
      if (e.get('Event') === 'AgentConnect') connected.add(key);
      if (e.get('Event') === 'AgentComplete' && !connected.delete(key)) problems.push(key);
    }
    expect(problems).toEqual([]);
    expect([...connected]).toEqual([]);
  });

  it('gives every call the Uniqueid of its oldest channel as Linkedid', () => {
    const order = new Map<string, number>();
    const firstOfGroup = new Map<string, string>();
    ofType('Newchannel').forEach((e, index) => {
      order.set(e.get('Uniqueid') as string, index);
      const group = e.get('Linkedid') as string;
      if (!firstOfGroup.has(group)) firstOfGroup.set(group, e.get('Uniqueid') as string);
    });
    for (const [linkedid, first] of firstOfGroup) expect(first).toBe(linkedid);
  });

  it('stamps events in non-decreasing order (1 ms tolerance) with <epoch>.<6 digits>', () => {
    let previous = 0;
    let worst = 0;
    const malformed: string[] = [];
    for (const e of events) {
      const stamp = e.get('Timestamp') as string;
      if (!/^\d{10}\.\d{6}$/.test(stamp)) malformed.push(stamp);
      const us = Number(stamp.replace('.', ''));
      worst = Math.max(worst, previous - us);
      previous = Math.max(previous, us);
    }
    expect(malformed).toEqual([]);
    expect(worst).toBeLessThanOrEqual(1000);
  });

  it('matches every QueueCallerJoin with a QueueCallerLeave and keeps Local pairs together', () => {
    expect(ofType('QueueCallerJoin').length).toBe(ofType('QueueCallerLeave').length);
    const names = ofType('Newchannel').map((e) => e.get('Channel') as string);
    const ones = names.filter((n) => n.endsWith(';1')).map((n) => n.slice(0, -2));
    const twos = names.filter((n) => n.endsWith(';2')).map((n) => n.slice(0, -2));
    expect(ones).toEqual(twos);
    for (const name of names) {
      expect(name).toMatch(/^Local\/\d+@(cust-in|agents|agent-phone|customers)-[0-9a-f]{8};[12]$/);
    }
  });
});
