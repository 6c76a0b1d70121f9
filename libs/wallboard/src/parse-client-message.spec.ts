import { MAX_CLIENT_MESSAGE_BYTES, parseClientMessage } from './parse-client-message';
import { schemaErrors } from './testing/schema-check';

const valid: [string, unknown][] = [
  ['auth', { type: 'auth', token: 'eyJhbGciOiJIUzI1NiJ9.e30.abc' }],
  ['subscribe all', { type: 'subscribe', scope: { kind: 'all' } }],
  ['subscribe team', { type: 'subscribe', scope: { kind: 'team', team: '客服一组' } }],
  [
    'subscribe queue, masked',
    { type: 'subscribe', scope: { kind: 'queue', queue: 'support' }, masked: true },
  ],
  ['subscribe agent', { type: 'subscribe', scope: { kind: 'agent', agent: '8001' } }],
  ['resume', { type: 'subscribe', scope: { kind: 'all' }, lastSeq: 42, stream: 'AbC_-9' }],
  ['ping', { type: 'ping' }],
  ['ping with id', { type: 'ping', id: 7 }],
];

const invalid: [string, unknown, string][] = [
  ['array', [1, 2], 'invalid-message'],
  ['no type', { token: 'x' }, 'invalid-message'],
  ['unknown type', { type: 'unsubscribe' }, 'unknown-type'],
  ['extra field', { type: 'ping', extra: 1 }, 'invalid-message'],
  ['auth without token', { type: 'auth' }, 'invalid-message'],
  ['auth token with spaces', { type: 'auth', token: 'a b' }, 'invalid-message'],
  ['scope kind unknown', { type: 'subscribe', scope: { kind: 'everyone' } }, 'invalid-message'],
  ['team scope without team', { type: 'subscribe', scope: { kind: 'team' } }, 'invalid-message'],
  [
    'team id too long',
    { type: 'subscribe', scope: { kind: 'team', team: 'x'.repeat(65) } },
    'invalid-message',
  ],
  [
    'team id with control char',
    { type: 'subscribe', scope: { kind: 'team', team: 'a\nb' } },
    'invalid-message',
  ],
  [
    'scope with extra field',
    { type: 'subscribe', scope: { kind: 'all', team: 'a' } },
    'invalid-message',
  ],
  [
    'negative lastSeq',
    { type: 'subscribe', scope: { kind: 'all' }, lastSeq: -1, stream: 'a' },
    'invalid-message',
  ],
  [
    'fractional lastSeq',
    { type: 'subscribe', scope: { kind: 'all' }, lastSeq: 1.5, stream: 'a' },
    'invalid-message',
  ],
  [
    'lastSeq without stream',
    { type: 'subscribe', scope: { kind: 'all' }, lastSeq: 1 },
    'invalid-message',
  ],
  [
    'masked not boolean',
    { type: 'subscribe', scope: { kind: 'all' }, masked: 'yes' },
    'invalid-message',
  ],
  ['ping id not integer', { type: 'ping', id: 'x' }, 'invalid-message'],
];

describe('parseClientMessage', () => {
  it.each(valid)('accepts %s, as its schema does', (_name, message) => {
    const schema = `client-${(message as { type: string }).type}`;
    expect(parseClientMessage(JSON.stringify(message))).toEqual({ ok: true, message });
    expect(schemaErrors(schema, message)).toEqual([]);
  });

  it.each(invalid)('refuses %s, as the schemas do', (_name, message, code) => {
    const result = parseClientMessage(Buffer.from(JSON.stringify(message)));
    expect(result).toMatchObject({ ok: false, error: { code } });
    const type = (message as { type?: unknown }).type;
    if (typeof type === 'string' && ['auth', 'subscribe', 'ping'].includes(type)) {
      expect(schemaErrors(`client-${type}`, message)).not.toEqual([]);
    }
  });

  it('refuses what is not JSON without echoing it', () => {
    const result = parseClientMessage('{"type":"auth","token":"secret-token"');
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-json', message: 'message is not valid JSON' },
    });
  });

  it('refuses oversized and deeply nested frames before parsing them', () => {
    const big = JSON.stringify({ type: 'auth', token: 'a'.repeat(MAX_CLIENT_MESSAGE_BYTES) });
    expect(parseClientMessage(big)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(parseClientMessage('['.repeat(30_000))).toMatchObject({
      ok: false,
      error: { code: 'too-deep' },
    });
    expect(parseClientMessage('{"type":"ping","x":[[[[1]]]]}')).toMatchObject({
      ok: false,
      error: { code: 'too-deep' },
    });
    // Brackets inside strings are not nesting.
    expect(
      parseClientMessage('{"type":"subscribe","scope":{"kind":"team","team":"[[[[[[{{{"}}'),
    ).toMatchObject({ ok: true });
  });
});
