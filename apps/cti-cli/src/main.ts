import { runBench } from './bench-command';
import { runReplay } from './replay-command';

const BENCH_MODES = ['ingestion', 'e2e', 'wallboard', 'persistence', 'login'];

const USAGE = `usage:
  cti-cli replay <capture.ami.jsonl> --config <file> [--json] [--speed N]
  cti-cli bench [ingestion|e2e|wallboard|persistence|login|soak ...] [--capture <file>] [--config <file>] [--loops N] [--rounds N] [--agents N] [--speed N]
  (soak runs only when named: a simulated late shift past midnight, memory per agent-day)`;

const DEFAULT_CAPTURE = `${process.cwd()}/test/fixtures/ami-captures/inbound-day.ami.jsonl`;
const DEFAULT_CONFIG = `${process.cwd()}/config/examples/capture-call-center.yaml`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const out = (text: string) => process.stdout.write(`${text}\n`);
  if (command === 'replay') {
    const capture = args.find(
      (a, i) =>
        !a.startsWith('--') &&
        !args[i - 1]?.startsWith('--config') &&
        !args[i - 1]?.startsWith('--speed'),
    );
    const config = option(args, '--config');
    if (!capture || !config) throw new Error(`replay needs a capture and --config\n${USAGE}`);
    const speed = option(args, '--speed');
    await runReplay(
      { capture, config, json: args.includes('--json'), speed: speed ? Number(speed) : undefined },
      out,
    );
    return 0;
  }
  if (command === 'bench') {
    await runBench(
      {
        capture: option(args, '--capture') ?? DEFAULT_CAPTURE,
        config: option(args, '--config') ?? DEFAULT_CONFIG,
        loops: Number(option(args, '--loops') ?? 20),
        rounds: Number(option(args, '--rounds') ?? 3),
        soak: {
          agents: Number(option(args, '--agents') ?? 2000),
          speed: Number(option(args, '--speed') ?? 20),
        },
        modes: args.some((a) => BENCH_MODES.includes(a) || a === 'soak') ? args : BENCH_MODES,
      },
      out,
    );
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`cti-cli: ${error.message}\n`);
    process.exit(1);
  },
);
