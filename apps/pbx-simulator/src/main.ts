import { startSimulator } from '@cti/pbx-simulator';
import { parseArgs, USAGE } from './cli-args';

/** Standalone PBX simulator: an Asterisk-like AMI endpoint with a simulated call-center day. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const options = parseArgs(argv);
  const sim = await startSimulator(options);
  const user = options.users?.[0];
  process.stdout.write(
    `pbx-simulator: AMI (Asterisk 22.10.1 dialect) listening on ${sim.host}:${sim.port}, ` +
      `user ${user?.username}, seed ${options.seed}, speed ${options.speed}x, ${options.agents} agents\n`,
  );
  const report = setInterval(() => {
    const s = sim.stats();
    process.stdout.write(
      `pbx-simulator: ${new Date(s.simulatedNowMs).toISOString()} sessions=${s.openSessions} events=${s.eventsEmitted} ` +
        `inbound=${s.inboundOffered} answered=${s.inboundAnswered} abandoned=${s.inboundAbandoned} outbound=${s.outboundPlaced}\n`,
    );
  }, 60_000);
  const shutdown = (): void => {
    clearInterval(report);
    sim.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`pbx-simulator: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  void sim.finished.then(shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `pbx-simulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`,
  );
  process.exit(1);
});
