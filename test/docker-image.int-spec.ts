import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_USER, type RunningSimulator, startSimulator } from '@cti/pbx-simulator';
import { startTestDatabase, type TestDatabase } from '../libs/testing/src/postgres-test-db';
import {
  type DockerStage,
  dockerStages,
  interpolate,
  type Mount,
  parseMount,
  stageEnv,
} from './support/container-spec';

const ROOT = resolve(__dirname, '..');
const DOCKER = join(ROOT, 'docker');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

function args(stage: DockerStage, instruction: string): string[] {
  return stage.steps.filter((s) => s.instruction === instruction).map((s) => s.args);
}

/** The build context as `COPY . .` sees it: the repository minus .dockerignore's entries. */
function copyBuildContext(to: string): void {
  const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  cpSync(ROOT, to, {
    recursive: true,
    filter: (src) => {
      const top = src.slice(ROOT.length + 1).split('/')[0]!;
      return !ignored.some(
        (pattern) => pattern === top || (pattern.startsWith('*') && top.endsWith(pattern.slice(1))),
      );
    },
  });
}

/*
 * The production image and compose file, proved without a Docker daemon: the image's file layout
 * is built the way the Dockerfile builds it (the same compile and the same assemble script), and
 * the server is started from it with the compose file's environment and mounts, against the PBX
 * simulator (as Asterisk) and a test PostgreSQL (as the compose database). It must answer
 * /health 200 and serve its three pages.
 */
describe('docker image and compose file', () => {
  const work = mkdtempSync(join(tmpdir(), 'cti-image-'));
  const stages = dockerStages(readFileSync(join(DOCKER, 'Dockerfile'), 'utf8'));
  const build = stages[0]!;
  const runtime = stages.at(-1)!;
  const compose = parse(readFileSync(join(DOCKER, 'compose.yml'), 'utf8')) as {
    services: { cti: { environment: Record<string, string | number>; volumes: string[] } };
  };
  let sim: RunningSimulator;
  let db: TestDatabase;
  let server: ChildProcess | undefined;
  let output = '';
  let base = '';
  let mounts: (Mount & { host: string })[] = [];
  let env: Record<string, string> = {};

  beforeAll(async () => {
    sim = await startSimulator({ host: '127.0.0.1', port: 0 });
    db = await startTestDatabase();
    const port = await freePort();
    const vars: Record<string, string> = {
      POSTGRES_PASSWORD: 'compose-db-password',
      AMI_USERNAME: DEFAULT_USER.username,
      AMI_SECRET: DEFAULT_USER.secret,
      AMI_PORT: String(sim.port),
      PORT: String(port),
      CTI_JWT_SECRET: 'a-test-secret-of-more-than-32-characters',
      CTI_RECORDING_RETENTION_DAYS: '90',
      CTI_CONFIG_FILE: join(ROOT, 'config/call-center.example.yaml'),
      ASTERISK_MONITOR_DIR: join(work, 'monitor'),
    };
    mounts = compose.services.cti.volumes.map((spec) => {
      const mount = parseMount(interpolate(spec, vars));
      const host = mount.named
        ? join(work, 'volumes', mount.source)
        : resolve(DOCKER, mount.source);
      if (mount.named || mount.source === vars.ASTERISK_MONITOR_DIR)
        mkdirSync(host, { recursive: true });
      return { ...mount, host };
    });
    // Container paths in the environment point into the mounts.
    const onHost = (value: string): string => {
      const m = mounts.find((x) => value === x.target || value.startsWith(`${x.target}/`));
      return m ? m.host + value.slice(m.target.length) : value;
    };
    const declared = { ...stageEnv(runtime), ...compose.services.cti.environment };
    env = Object.fromEntries(
      Object.entries(declared).map(([k, v]) => [k, onHost(interpolate(String(v), vars))]),
    );

    // Build stage: `COPY . .`, `npm run build`, then the assemble script, as the Dockerfile runs them.
    const built = join(work, 'build');
    copyBuildContext(built);
    // Stands for `npm ci` + `npm prune --omit=dev`: the registry is not reachable from a test.
    symlinkSync(join(ROOT, 'node_modules'), join(built, 'node_modules'));
    const buildRun = args(build, 'RUN').find((r) => r.includes('assemble-image.sh'))!;
    expect(buildRun).toMatch(/npm run build/);
    const [, script, from, to] = /sh (\S+) (\S+) (\S+)/.exec(buildRun)!;
    expect(from).toBe(args(build, 'WORKDIR')[0]);
    execFileSync('npm', ['run', '-s', 'build'], { cwd: built, stdio: 'pipe' });
    const image = join(work, 'image');
    execFileSync('sh', [script!, built, image], { cwd: built, stdio: 'pipe' });
    // Runtime stage: the assembled tree is copied whole into WORKDIR.
    expect(args(runtime, 'COPY')).toEqual([`--from=${build.name} ${to} ./`]);

    const command = JSON.parse(args(runtime, 'CMD')[0]!) as string[];
    server = spawn(command[0]!, command.slice(1), {
      cwd: image,
      env: { PATH: process.env.PATH, ...env, DATABASE_URL: db.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (b: Buffer) => (output += b.toString()));
    server.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    base = `http://127.0.0.1:${env.PORT}`;
  }, 300_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await sim?.stop();
    await db?.stop();
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('runs as an unprivileged user that owns its data folder, with the recordings mounted writable', () => {
    expect(args(runtime, 'USER')).toEqual(['node']);
    const chown = args(runtime, 'RUN').find((r) => r.includes('chown node'));
    expect(chown?.split(/\s+/)).toEqual(
      expect.arrayContaining([stageEnv(runtime).CTI_DATA_DIR, '/recordings']),
    );
    const recordings = mounts.find(
      (m) => m.target === compose.services.cti.environment.CTI_RECORDINGS_DIR,
    );
    expect(recordings).toMatchObject({ readOnly: false });
    expect(mounts.find((m) => m.target === '/data')).toMatchObject({
      named: true,
      readOnly: false,
    });
  });

  it('starts from the image layout with the compose environment and answers /health 200', async () => {
    const deadline = Date.now() + 90_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline && server!.exitCode === null) {
      status = await fetch(`${base}/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    if (status !== 200)
      throw new Error(`no /health 200 (last ${status}); server output:\n${output}`);
    for (const page of ['/', '/workforce/', '/qa/']) {
      const res = await fetch(`${base}${page}`);
      expect([page, res.status, res.headers.get('content-type')]).toEqual([
        page,
        200,
        expect.stringContaining('text/html'),
      ]);
    }
  }, 120_000);
});
