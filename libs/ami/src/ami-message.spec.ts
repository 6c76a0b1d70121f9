import type { RawManagerObject } from 'asterisk-manager';
import { type AmiMessage, fromManagerObject, timestampMs } from './ami-message';

// Raw objects in the exact shapes asterisk-manager 0.2.0 emits;
// the end-to-end path through the real library is covered by the connection specs.
describe('fromManagerObject', () => {
  it('hands plain fields on under lower-cased keys with no repeated entries', () => {
    const raw: RawManagerObject = { event: 'Newstate', channel: 'PJSIP/1-1', accountcode: '' };
    const msg = fromManagerObject(raw, 1234);
    expect(msg).toEqual({
      name: 'Newstate',
      fields: { event: 'Newstate', channel: 'PJSIP/1-1', accountcode: '' },
      repeated: {},
      receivedAt: 1234,
    });
  });

  it('keeps every value of a repeated key, first value in fields', () => {
    const raw: RawManagerObject = { response: 'Success', output: ['a', '', 'c'], foo: ['1', '2'] };
    const msg = fromManagerObject(raw, 0);
    expect(msg.name).toBe('Success');
    expect(msg.fields).toMatchObject({ output: 'a', foo: '1' });
    expect(msg.repeated).toEqual({ output: ['a', '', 'c'], foo: ['1', '2'] });
    (raw.output as string[]).push('mutated');
    expect(msg.repeated.output).toHaveLength(3);
  });

  it('always exposes variable-like keys in repeated, even single ones', () => {
    const raw: RawManagerObject = {
      event: 'Hangup',
      output: 'only',
      destchanvariable: 'A=1',
      transfererchanvariable: ['B=2', 'C=3'],
      chanvariable: { X: '1', Y: 'a=b' },
    };
    expect(fromManagerObject(raw, 0).repeated).toEqual({
      output: ['only'],
      destchanvariable: ['A=1'],
      transfererchanvariable: ['B=2', 'C=3'],
      chanvariable: ['X=1', 'Y=a=b'],
    });
  });

  it('restores the VarSet variable name, but keeps name= for other events', () => {
    const varSet = fromManagerObject(
      { event: 'VarSet', variable: { QUEUE_PRIO: '' }, value: '5' },
      0,
    );
    expect(varSet.fields.variable).toBe('QUEUE_PRIO');
    expect(varSet.repeated.variable).toEqual(['QUEUE_PRIO']);
    const status = fromManagerObject({ event: 'Status', variable: { EMPTY: '', A: '1' } }, 0);
    expect(status.fields.variable).toBe('EMPTY=');
    expect(status.repeated.variable).toEqual(['EMPTY=', 'A=1']);
  });

  it('uses the first Event/Response value for the name', () => {
    expect(fromManagerObject({ response: ['Success', 'Error'] }, 0).name).toBe('Success');
    expect(fromManagerObject({ event: 'OriginateResponse', response: 'Failure' }, 0).name).toBe(
      'OriginateResponse',
    );
    expect(fromManagerObject({}, 0).name).toBe('');
  });
});

describe('timestampMs', () => {
  const withTimestamp = (timestamp?: string): AmiMessage => ({
    name: 'X',
    fields: timestamp === undefined ? {} : { timestamp },
    repeated: {},
    receivedAt: 0,
  });

  it('converts the epoch-seconds header to epoch ms, keeping the fraction', () => {
    expect(timestampMs(withTimestamp('1795818512.781593'))).toBeCloseTo(1795818512781.593, 3);
    expect(timestampMs(withTimestamp('1700000000'))).toBe(1700000000000);
  });

  it('is undefined when absent or not a number', () => {
    expect(timestampMs(withTimestamp())).toBeUndefined();
    expect(timestampMs(withTimestamp(''))).toBeUndefined();
    expect(timestampMs(withTimestamp('soon'))).toBeUndefined();
  });
});
