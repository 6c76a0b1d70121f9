import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig, resolveConfigPath } from './load-config';

const ROOT = resolve(__dirname, '../../..');
const CAPTURE_EXAMPLE = join(ROOT, 'config/examples/capture-call-center.yaml');
const PRODUCTION_EXAMPLE = join(ROOT, 'config/call-center.example.yaml');
const SECRET = 'hunter2-s3cret';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cti-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function errorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('example files', () => {
  it('capture example: the call center of the AMI captures, scaled rules', () => {
    const config = loadConfig({ file: CAPTURE_EXAMPLE });
    expect(config.timezone).toBe('Asia/Shanghai');
    expect(config.ami).toEqual({ port: 5038 });
    expect(config.rules).toEqual({
      version: 'capture-scaled',
      effective: {
        minTalkSeconds: 10,
        directions: ['inbound', 'outbound'],
        uniqueNumberPerAgentDay: false,
      },
      quota: { default: 4, newHire: 2, newHireDays: 15 },
      pauses: { defaultLimitSeconds: 30, limitsByReason: {} },
      wrapUpPauseReasons: [],
    });
    expect(config.queues).toEqual([
      { name: 'support', wrapUpSeconds: 3, serviceLevelSeconds: 15 },
      { name: 'sales', wrapUpSeconds: 2, serviceLevelSeconds: 15 },
    ]);
    expect(config.teams).toHaveLength(1);
    const names = [
      'Wang Fang 王芳',
      'Li Wei 李伟',
      'Zhang Min 张敏',
      'Chen Jie 陈杰',
      'Liu Yang 刘洋',
      'Zhou Na 周娜',
      'Wu Lei 吴磊',
      'Xu Jing 徐静',
    ];
    expect(config.agents).toEqual(
      names.map((name, i) => {
        const ext = String(1001 + i);
        return {
          id: ext,
          name,
          team: config.teams[0].id,
          hireDate: '2026-01-01',
          interfaces: [`Local/${ext}@agents/n`],
          devices: [`Local/${ext}@agents`, `Local/${ext}@agent-phone`, `Local/${ext}@internal`],
        };
      }),
    );
  });

  it('production example: real defaults, secret from the environment', () => {
    const config = loadConfig({ file: PRODUCTION_EXAMPLE, env: { AMI_SECRET: SECRET } });
    expect(config.ami).toMatchObject({ port: 5038, username: 'cti', secret: SECRET });
    expect(config.rules.effective.minTalkSeconds).toBe(30);
    expect(config.rules.quota).toEqual({ default: 50, newHire: 30, newHireDays: 15 });
    expect(config.rules.pauses.defaultLimitSeconds).toBe(900);
    expect(config.rules.pauses.limitsByReason).toMatchObject({ 示忙: 900, lunch: 3600 });
    expect(config.agents[0].devices).toEqual(['PJSIP/1001']);
  });

  it('production example without AMI_SECRET names the missing secret', () => {
    const err = errorOf(() => loadConfig({ file: PRODUCTION_EXAMPLE }));
    expect(err.issues).toEqual([
      { path: 'ami.secret', message: 'is required when ami.host is set (set AMI_SECRET)' },
    ]);
  });
});

describe('loadConfig', () => {
  it('applies the defaults without a file', () => {
    const config = loadConfig({});
    expect(config.timezone).toBe('Asia/Shanghai');
    expect(config.ami).toEqual({ port: 5038 });
    expect(config.rules.quota).toEqual({ default: 50, newHire: 30, newHireDays: 15 });
  });

  it('reads JSON as well as YAML', () => {
    const file = write(
      'cc.json',
      JSON.stringify({ rules: { quota: { default: 40 } }, queues: [{ name: 'q' }] }),
    );
    const config = loadConfig({ file });
    expect(config.rules.quota.default).toBe(40);
    expect(config.queues).toEqual([{ name: 'q', wrapUpSeconds: 0, serviceLevelSeconds: 15 }]);
    expect(loadConfig({ file: write('empty.yml', '# nothing yet\n') }).ami.port).toBe(5038);
  });

  it('lists all 5 problems of a bad file in one error', () => {
    const file = write(
      'bad.yaml',
      [
        'timezone: Mars/Olympus',
        'ami:',
        '  port: 50.5',
        `  secret: ${SECRET}`,
        'rules:',
        '  effective:',
        '    minTalkSecond: 10',
        'agents:',
        "  - { id: '1001', name: A, hireDate: '2026-13-01', devices: [PJSIP/1001] }",
        "  - { id: '1001', name: B, hireDate: '2026-01-01', devices: [PJSIP/1002] }",
      ].join('\n'),
    );
    const err = errorOf(() => loadConfig({ file }));
    expect(err.issues.map((i) => i.path)).toEqual([
      'timezone',
      'ami.port',
      'rules.effective.minTalkSecond',
      'agents[0].hireDate',
      'agents[1].id',
    ]);
    expect(err.message.split('\n')).toHaveLength(6);
    expect(err.message).toContain(`(${file}), 5 problems:`);
    expect(err.message).toContain("agents[0].hireDate: expected YYYY-MM-DD, got '2026-13-01'");
    expect(err.message).not.toContain(SECRET);
  });

  it('applies the environment overrides over the file', () => {
    const file = write(
      'cc.yaml',
      'timezone: Asia/Shanghai\nami: { host: a, port: 1, username: u, secret: s }\n',
    );
    const env = {
      AMI_HOST: 'pbx.local',
      AMI_PORT: '5039',
      AMI_USERNAME: 'cti',
      AMI_SECRET: SECRET,
      CTI_TIMEZONE: 'Europe/Paris',
    };
    const config = loadConfig({ file, env });
    expect(config.ami).toEqual({ host: 'pbx.local', port: 5039, username: 'cti', secret: SECRET });
    expect(config.timezone).toBe('Europe/Paris');
    expect(loadConfig({ env: { AMI_HOST: '', CTI_TIMEZONE: '  ' } }).ami.host).toBeUndefined();
  });

  it('reports a bad environment value as such, without the secret', () => {
    const env = {
      AMI_PORT: 'abc',
      CTI_TIMEZONE: 'Nowhere/Land',
      AMI_HOST: 'pbx',
      AMI_SECRET: SECRET,
    };
    const err = errorOf(() => loadConfig({ env }));
    expect(err.message).toContain(
      "ami.port: expected an integer, got a string 'abc' (from AMI_PORT)",
    );
    expect(err.message).toContain("got 'Nowhere/Land' (from CTI_TIMEZONE)");
    expect(err.message).toContain('ami.username: is required when ami.host is set');
    expect(err.message).not.toContain(SECRET);
  });

  it('reports syntax errors without quoting the source (it may hold the secret)', () => {
    const yaml = write('bad.yaml', `ami:\n  secret: "${SECRET}\n  port: 1\n`);
    const json = write('bad.json', `{"ami": {"secret": "${SECRET}" "port": 1}}`);
    for (const file of [yaml, json]) {
      const err = errorOf(() => loadConfig({ file }));
      expect(err.message).toMatch(/(YAML|JSON).*line \d+, column \d+/);
      expect(err.message).not.toContain(SECRET);
    }
    expect(
      errorOf(() => loadConfig({ file: write('dup.yaml', 'a: 1\na: 2\n') })).message,
    ).toContain('YAML line 2, column 1: Map keys must be unique');
  });

  it('rejects a missing file and an unknown extension', () => {
    expect(errorOf(() => loadConfig({ file: join(dir, 'none.yaml') })).message).toContain(
      'file not found',
    );
    expect(errorOf(() => loadConfig({ file: write('cc.toml', '') })).message).toContain(
      "unsupported file type '.toml'",
    );
  });
});

describe('resolveConfigPath', () => {
  it('prefers CTI_CONFIG, then config/call-center.yaml, else null', () => {
    expect(resolveConfigPath({}, dir)).toBeNull();
    mkdirSync(join(dir, 'config'));
    write('config/call-center.yaml', '{}');
    expect(resolveConfigPath({}, dir)).toBe(join(dir, 'config/call-center.yaml'));
    expect(resolveConfigPath({ CTI_CONFIG: 'other.json' }, dir)).toBe(join(dir, 'other.json'));
    expect(resolveConfigPath({ CTI_CONFIG: '/etc/cti.yaml' }, dir)).toBe('/etc/cti.yaml');
  });
});
