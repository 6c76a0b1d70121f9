import { type SimulatorOptions } from '@cti/pbx-simulator';

export const USAGE = `usage: pbx-simulator [options]
  --host <addr>         listen address                 (default 127.0.0.1)
  --port <n>            AMI port, 0 = any free port    (default 5038)
  --seed <n>            seed of the simulated day      (default 1)
  --speed <x|max>       simulated seconds per second   (default 1 = real time)
  --agents <n>          number of agents               (default 8)
  --call-rate <r>       inbound calls per second       (default agents / 120)
  --day-length <s>      shift length in seconds        (default 28800)
  --days <n>            days to run, then exit         (default: forever)
  --username <name>     AMI user                       (default cti)
  --secret <secret>     AMI secret                     (default cti-secret)`;

const NUMERIC = new Set(['port', 'seed', 'agents', 'call-rate', 'day-length', 'days']);

/** Parses `--key value` pairs into simulator options; throws with a readable message. */
export function parseArgs(argv: readonly string[]): SimulatorOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined)
      throw new Error(`expected --option value, got '${flag}'`);
    values.set(flag.slice(2), value);
  }
  const number = (key: string): number | undefined => {
    const raw = values.get(key);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new Error(`--${key} must be a number, got '${raw}'`);
    return n;
  };
  for (const key of values.keys()) {
    if (!NUMERIC.has(key) && !['host', 'speed', 'username', 'secret'].includes(key))
      throw new Error(`unknown option --${key}`);
  }
  const speedRaw = values.get('speed');
  const speed =
    speedRaw === undefined
      ? undefined
      : /^(max|inf|infinity)$/i.test(speedRaw)
        ? Infinity
        : Number(speedRaw);
  if (speed !== undefined && !(speed > 0))
    throw new Error(`--speed must be > 0 or 'max', got '${speedRaw}'`);
  const username = values.get('username') ?? 'cti';
  const secret = values.get('secret') ?? 'cti-secret';
  return {
    host: values.get('host') ?? '127.0.0.1',
    port: number('port') ?? 5038,
    seed: number('seed') ?? 1,
    speed: speed ?? 1,
    agents: number('agents') ?? 8,
    callRate: number('call-rate'),
    dayLengthSec: number('day-length'),
    days: number('days'),
    users: [{ username, secret, read: 'all', write: 'all' }],
  };
}
