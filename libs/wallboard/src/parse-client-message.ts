import { type ClientMessage, type ErrorCode, type Scope } from './protocol';

/** Inbound frames are tiny; anything near this is abuse. */
export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;
/** The deepest valid message is {"scope":{...}}: depth 2. Some slack, no more. */
export const MAX_CLIENT_MESSAGE_DEPTH = 4;

export interface ProtocolError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type ParseResult =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly error: ProtocolError };

type Json = Record<string, unknown>;

/** Team, queue and agent ids: printable, short. Errors never echo them back. */
const ID = /^[^\u0000-\u001f\u007f]{1,64}$/;
const TOKEN = /^[\x21-\x7e]{1,4096}$/;
const STREAM = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Parses and validates one inbound frame. Size and nesting are checked before JSON.parse so a
 * hostile frame costs one linear scan; unknown fields are refused (a typo must not pass silently).
 */
export function parseClientMessage(raw: string | Buffer): ParseResult {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (size > MAX_CLIENT_MESSAGE_BYTES)
    return fail('too-large', `messages are limited to ${MAX_CLIENT_MESSAGE_BYTES} bytes`);
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  if (nestingDepth(text) > MAX_CLIENT_MESSAGE_DEPTH)
    return fail('too-deep', 'message nested too deeply');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('invalid-json', 'message is not valid JSON');
  }
  if (!isObject(value)) return fail('invalid-message', 'a message is a JSON object');
  switch (value.type) {
    case 'auth':
      return parseAuth(value);
    case 'subscribe':
      return parseSubscribe(value);
    case 'ping':
      return parsePing(value);
    default:
      return typeof value.type === 'string'
        ? fail('unknown-type', 'unknown message type')
        : fail('invalid-message', 'a message needs a string "type"');
  }
}

function parseAuth(m: Json): ParseResult {
  const extra = unexpectedKeys(m, ['type', 'token']);
  if (extra) return extra;
  if (typeof m.token !== 'string' || !TOKEN.test(m.token))
    return fail('invalid-message', 'auth.token must be a token string');
  return ok({ type: 'auth', token: m.token });
}

function parseSubscribe(m: Json): ParseResult {
  const extra = unexpectedKeys(m, ['type', 'scope', 'lastSeq', 'stream', 'masked']);
  if (extra) return extra;
  const scope = parseScope(m.scope);
  if (!scope)
    return fail(
      'invalid-message',
      'subscribe.scope must be {kind:"all"}, {kind:"team",team}, {kind:"queue",queue} or {kind:"agent",agent}',
    );
  if (m.lastSeq !== undefined && !(Number.isSafeInteger(m.lastSeq) && (m.lastSeq as number) >= 0)) {
    return fail('invalid-message', 'subscribe.lastSeq must be a non-negative integer');
  }
  if (m.stream !== undefined && !(typeof m.stream === 'string' && STREAM.test(m.stream))) {
    return fail('invalid-message', 'subscribe.stream must be the stream id of a snapshot');
  }
  if ((m.lastSeq === undefined) !== (m.stream === undefined)) {
    return fail('invalid-message', 'subscribe.lastSeq and subscribe.stream go together');
  }
  if (m.masked !== undefined && typeof m.masked !== 'boolean')
    return fail('invalid-message', 'subscribe.masked must be a boolean');
  return ok({
    type: 'subscribe',
    scope,
    ...(m.lastSeq !== undefined
      ? { lastSeq: m.lastSeq as number, stream: m.stream as string }
      : {}),
    ...(m.masked !== undefined ? { masked: m.masked } : {}),
  });
}

function parseScope(s: unknown): Scope | undefined {
  if (!isObject(s)) return undefined;
  switch (s.kind) {
    case 'all':
      return onlyKeys(s, ['kind']) ? { kind: 'all' } : undefined;
    case 'team':
      return onlyKeys(s, ['kind', 'team']) && isId(s.team)
        ? { kind: 'team', team: s.team }
        : undefined;
    case 'queue':
      return onlyKeys(s, ['kind', 'queue']) && isId(s.queue)
        ? { kind: 'queue', queue: s.queue }
        : undefined;
    case 'agent':
      return onlyKeys(s, ['kind', 'agent']) && isId(s.agent)
        ? { kind: 'agent', agent: s.agent }
        : undefined;
    default:
      return undefined;
  }
}

function parsePing(m: Json): ParseResult {
  const extra = unexpectedKeys(m, ['type', 'id']);
  if (extra) return extra;
  if (m.id !== undefined && !Number.isSafeInteger(m.id))
    return fail('invalid-message', 'ping.id must be an integer');
  return ok(m.id === undefined ? { type: 'ping' } : { type: 'ping', id: m.id as number });
}

/** Deepest nesting of objects/arrays, strings skipped; stops counting once past the cap. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
      if (max > MAX_CLIENT_MESSAGE_DEPTH) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

function unexpectedKeys(m: Json, allowed: readonly string[]): ParseResult | undefined {
  return onlyKeys(m, allowed)
    ? undefined
    : fail('invalid-message', `a ${String(m.type)} message has only: ${allowed.join(', ')}`);
}

function onlyKeys(m: Json, allowed: readonly string[]): boolean {
  return Object.keys(m).every((k) => allowed.includes(k));
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && ID.test(v);
}

function ok(message: ClientMessage): ParseResult {
  return { ok: true, message };
}

function fail(code: ErrorCode, message: string): ParseResult {
  return { ok: false, error: { code, message } };
}
