import { fixturePath } from './fixtures';
import { headerValue } from './ami-frames';
import { amiText, captureJsonl } from './capture-builder';
import { type Capture, loadCapture, parseCapture } from './capture-file';

const INBOUND_DAY = fixturePath('ami-captures', 'inbound-day.ami.jsonl');

const eventName = (frame: {
  headers: ReadonlyArray<readonly [string, string]>;
}): string | undefined => headerValue(frame.headers, 'Event');

describe('loadCapture on inbound-day', () => {
  let capture: Capture;
  beforeAll(() => {
    capture = loadCapture(INBOUND_DAY);
  });

  it('has one connection with its banner and one answer per action sent', () => {
    expect(capture.connections).toHaveLength(1);
    const [conn] = capture.connections;
    expect(conn.banner.toString()).toBe('Asterisk Call Manager/11.0.0\r\n');
    expect(conn.answers).toHaveLength(59);
    expect(conn.answers[0]).toMatchObject({ action: 'Login', actionId: '1-1', t: 101 });
  });

  it('maps capture time to epoch with the first Timestamp header', () => {
    // First timestamped chunk: t = 2003, Timestamp: 1795818492.777971
    expect(capture.epochOffsetMs).toBeCloseTo(1795818492777.971 - 2003, 3);
  });

  it('keeps broadcast events and async OriginateResponse live, list answers out', () => {
    const live = capture.connections[0].live;
    const count = (name: string): number => live.filter((f) => eventName(f) === name).length;
    expect(count('Newchannel')).toBe(214);
    expect(count('QueueMemberAdded')).toBe(7);
    expect(count('OriginateResponse')).toBe(23);
    expect(count('FullyBooted')).toBe(1);
    for (const listItem of ['QueueParams', 'QueueMember', 'QueueStatusComplete', 'Status'])
      expect(count(listItem)).toBe(0);
    expect(live.filter((f) => eventName(f) === undefined)).toHaveLength(0); // no Response
    // 3518 events in the README minus the 55 list items and ...Complete events.
    expect(live).toHaveLength(3463);
  });

  it('groups a list answer, even when it spans chunks', () => {
    const [first] = capture.answersByAction.get('queuestatus') ?? [];
    expect(first.t).toBe(502);
    expect(first.frames.map(eventName)).toEqual([
      undefined,
      'QueueParams',
      'QueueParams',
      'QueueStatusComplete',
    ]);
    const [status] = capture.answersByAction.get('status') ?? [];
    expect(status.frames.map(eventName)).toEqual([undefined, 'StatusComplete']);
  });
});

describe('parseCapture', () => {
  const zhang = Buffer.from('MemberName: Zhang Min 张敏\r\n', 'utf8');
  const splitAt = zhang.indexOf(Buffer.from('张', 'utf8')) + 1; // inside the character
  const jsonl = captureJsonl([
    { t: 0, conn: 1, dir: 'in', data: 'Asterisk Call Manager/11.0.0\n' },
    { t: 5, conn: 1, dir: 'out', data: amiText(['Action', 'Login'], ['ActionID', 'a-1']) },
    {
      t: 6,
      conn: 1,
      dir: 'in',
      data: 'Response: Success\nActionID: a-1\n\nEvent: QueueMemberAdded\n',
    },
    { t: 7, conn: 1, dir: 'in', data: zhang.subarray(0, splitAt) },
    {
      t: 8,
      conn: 1,
      dir: 'in',
      data: Buffer.concat([zhang.subarray(splitAt), Buffer.from('\r\n')]),
    },
    { t: 9, conn: 1, dir: 'in', data: amiText(['Event', 'Hangup'], ['Timestamp', '1700000000.5']) },
  ]);

  it('uses b64 bytes, accepts LF line ends and stamps a message with its last chunk', () => {
    const capture = parseCapture(jsonl);
    expect(capture.records[3].bytes).toEqual(zhang.subarray(0, splitAt));
    const [conn] = capture.connections;
    expect(conn.answers.map((a) => a.action)).toEqual(['Login']);
    const [added, hangup] = conn.live;
    expect(headerValue(added.headers, 'MemberName')).toBe('Zhang Min 张敏');
    expect(added.t).toBe(8);
    expect(hangup.t).toBe(9);
    expect(capture.epochOffsetMs).toBe(1700000000500 - 9);
  });

  it('has no epoch offset without Timestamp headers', () => {
    const capture = parseCapture(captureJsonl([{ t: 0, conn: 1, dir: 'in', data: 'Banner\r\n' }]));
    expect(capture.epochOffsetMs).toBeUndefined();
    expect(capture.connections[0].live).toHaveLength(0);
  });
});
