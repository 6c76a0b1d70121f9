import { buildActionFrame, describeAction } from './action-frame';

describe('buildActionFrame', () => {
  it('writes headers in the given order and case, arrays as repeated lines', () => {
    expect(
      buildActionFrame(
        'Originate',
        { Channel: 'PJSIP/1', Variable: ['A=1', 'B=2'], CallerID: '' },
        'cti-7',
      ),
    ).toBe(
      'Action: Originate\r\nActionID: cti-7\r\nChannel: PJSIP/1\r\nVariable: A=1\r\nVariable: B=2\r\nCallerID: \r\n\r\n',
    );
  });

  it.each([
    ['CR in a value', 'Ping', { A: 'x\ry' }],
    ['LF in an array value', 'Ping', { Variable: ['ok', 'x\ny'] }],
    ['NUL in a value', 'Ping', { A: 'x\0' }],
    ['CRLF in the name', 'Ping\r\nAction: Command', {}],
    ['empty name', '', {}],
    ['space in a key', 'Ping', { 'A B': 'x' }],
    ['colon in a key', 'Ping', { 'A:': 'x' }],
    ['reserved ActionID', 'Ping', { actionid: 'x' }],
    ['reserved Action', 'Ping', { Action: 'Command' }],
  ])('rejects %s', (_label, name, params) => {
    expect(() => buildActionFrame(name, params, 'cti-1')).toThrow(/AMI action rejected/);
  });

  it('never quotes a value in its error', () => {
    expect(() => buildActionFrame('Login', { Secret: 'hunter2\r\n' }, 'cti-1')).toThrow(
      "AMI action rejected: Login: value of 'Secret' contains CR, LF or NUL",
    );
  });
});

describe('describeAction', () => {
  it('masks Secret and Key values', () => {
    const text = describeAction('Login', { Username: 'cti', Secret: 'hunter2', key: 'abc' });
    expect(text).toBe('Login Username="cti" Secret=*** key=***');
  });
});
