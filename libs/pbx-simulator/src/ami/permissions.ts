/**
 * AMI permission classes (manager.conf `read=` / `write=`), as bits. An action is allowed when the
 * user's write classes share at least one bit with the action's (Asterisk's `writeperm & authority`);
 * an event reaches a session when the user reads its class and the session's event mask has it.
 */
export const PERMISSION_CLASSES = [
  'system',
  'call',
  'log',
  'verbose',
  'command',
  'agent',
  'user',
  'config',
  'dtmf',
  'reporting',
  'cdr',
  'dialplan',
  'originate',
  'agi',
  'cc',
  'aoc',
  'test',
  'security',
  'message',
] as const;

export type PermissionClass = (typeof PERMISSION_CLASSES)[number];

const ALL_BITS = (1 << PERMISSION_CLASSES.length) - 1;

export function classBit(name: PermissionClass): number {
  return 1 << PERMISSION_CLASSES.indexOf(name);
}

/** Parses `system,call,agent` (or `all`) into a bit mask; unknown names are ignored like Asterisk. */
export function parseClassList(list: string | readonly string[]): number {
  const names = typeof list === 'string' ? list.split(',') : list;
  let mask = 0;
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    if (name === 'all') return ALL_BITS;
    const index = PERMISSION_CLASSES.indexOf(name as PermissionClass);
    if (index >= 0) mask |= 1 << index;
  }
  return mask;
}

/**
 * The `Events:` header of Login / `EventMask:` of the Events action: on/yes/off/no, a number or a
 * class list. Returns undefined when the value is not understood.
 */
export function parseEventMask(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'on' || v === 'yes' || v === 'true') return ALL_BITS;
  if (v === 'off' || v === 'no' || v === 'false') return 0;
  if (/^\d+$/.test(v)) return Number(v) & ALL_BITS;
  const mask = parseClassList(v);
  return mask === 0 ? undefined : mask;
}

export const ALL_CLASSES_MASK = ALL_BITS;
