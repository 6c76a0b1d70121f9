import { CONFIG_DEFAULTS } from './call-center-config';
import { ConfigError } from './config-error';
import { validateConfig } from './validate-config';

/** The ConfigError thrown by validating `raw`. */
function errorOf(raw: unknown): ConfigError {
  try {
    validateConfig(raw);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

const agent = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: '1001',
  name: 'Wang Fang 王芳',
  hireDate: '2026-01-01',
  devices: ['PJSIP/1001'],
  ...over,
});

describe('validateConfig', () => {
  it('fills every default into an empty configuration', () => {
    for (const empty of [undefined, null, {}]) {
      expect(validateConfig(empty)).toEqual({
        timezone: 'Asia/Shanghai',
        ami: { port: 5038 },
        rules: {
          version: CONFIG_DEFAULTS.rulesVersion,
          effective: {
            minTalkSeconds: 30,
            directions: ['inbound', 'outbound'],
            uniqueNumberPerAgentDay: false,
          },
          quota: { default: 50, newHire: 30, newHireDays: 15 },
          pauses: { defaultLimitSeconds: 900, limitsByReason: {} },
          wrapUpPauseReasons: [],
        },
        queues: [],
        teams: [],
        agents: [],
      });
    }
  });

  it('fills defaults inside partial sections and items', () => {
    const config = validateConfig({
      rules: {
        effective: { minTalkSeconds: 20 },
        pauses: { limitsByReason: { 示忙: 900, lunch: 3600 } },
      },
      queues: [{ name: 'support' }, { name: 'sales', wrapUpSeconds: 2, serviceLevelSeconds: 30 }],
      agents: [agent()],
    });
    expect(config.rules.effective).toEqual({
      minTalkSeconds: 20,
      directions: ['inbound', 'outbound'],
      uniqueNumberPerAgentDay: false,
    });
    expect(config.rules.pauses).toEqual({
      defaultLimitSeconds: 900,
      limitsByReason: { 示忙: 900, lunch: 3600 },
    });
    expect(config.queues).toEqual([
      { name: 'support', wrapUpSeconds: 0, serviceLevelSeconds: 15 },
      { name: 'sales', wrapUpSeconds: 2, serviceLevelSeconds: 30 },
    ]);
    expect(config.agents[0]).toEqual({ ...agent(), interfaces: [] });
  });

  it('reports every problem at once, one line each, with its path', () => {
    const err = errorOf({
      timezone: 'Mars/Olympus',
      ami: { port: 50.5 },
      rules: { effective: { minTalkSecond: 10 } },
      agents: [agent({ hireDate: '2026-13-01' }), agent({ devices: ['PJSIP/1002'] })],
    });
    expect(err.issues).toHaveLength(5);
    const lines = err.message.split('\n');
    expect(lines[0]).toBe('invalid call-center configuration, 5 problems:');
    expect(lines.slice(1).map((l) => l.trim())).toEqual([
      "timezone: expected an IANA time zone such as 'Asia/Shanghai', got 'Mars/Olympus'",
      'ami.port: expected an integer, got 50.5',
      "rules.effective.minTalkSecond: unknown key (did you mean 'minTalkSeconds'?)",
      "agents[0].hireDate: expected YYYY-MM-DD, got '2026-13-01'",
      "agents[1].id: duplicate agent id '1001' (already at agents[0].id)",
    ]);
  });

  it.each<[string, unknown, string]>([
    [
      'wrong type',
      { rules: { effective: { uniqueNumberPerAgentDay: 'yes' } } },
      "rules.effective.uniqueNumberPerAgentDay: expected true or false, got 'yes'",
    ],
    [
      'negative',
      { rules: { quota: { default: -1 } } },
      'rules.quota.default: expected an integer >= 0, got -1',
    ],
    [
      'non-integer',
      { queues: [{ name: 'q', wrapUpSeconds: 1.5 }] },
      'queues[0].wrapUpSeconds: expected an integer, got 1.5',
    ],
    [
      'agent quota below 0',
      { agents: [agent({ quota: -3 })] },
      'agents[0].quota: expected an integer >= 0, got -3',
    ],
    [
      'port range',
      { ami: { port: 70000 } },
      'ami.port: expected an integer between 1 and 65535, got 70000',
    ],
    [
      'unknown direction',
      { rules: { effective: { directions: ['internal'] } } },
      "rules.effective.directions[0]: expected one of 'inbound', 'outbound', got 'internal'",
    ],
    [
      'empty directions',
      { rules: { effective: { directions: [] } } },
      'rules.effective.directions: must not be empty',
    ],
    [
      'pause limit 0',
      { rules: { pauses: { limitsByReason: { lunch: 0 } } } },
      'rules.pauses.limitsByReason.lunch: expected an integer >= 1, got 0',
    ],
    [
      'unquoted id',
      { agents: [agent({ id: 1001 })] },
      "agents[0].id: expected a string, got a number 1001 (quote it: '1001')",
    ],
    ['missing name', { agents: [agent({ name: undefined })] }, 'agents[0].name: is required'],
    [
      'Feb 30',
      { agents: [agent({ hireDate: '2026-02-30' })] },
      "agents[0].hireDate: expected YYYY-MM-DD, got '2026-02-30'",
    ],
    [
      'no interfaces nor devices',
      { agents: [agent({ devices: [] })] },
      'agents[0]: needs at least one entry in interfaces or devices',
    ],
    [
      'unknown team',
      { teams: [{ id: 't1', name: 'T1' }], agents: [agent({ team: 't2' })] },
      "agents[0].team: unknown team 't2' (teams: 't1')",
    ],
    [
      'device ending in -hex',
      { agents: [agent({ devices: ['PJSIP/desk-a1'] })] },
      "agents[0].devices[0]: expected a device key without the channel's '-<hex>' suffix",
    ],
    [
      'device with channel suffix',
      { agents: [agent({ devices: ['PJSIP/1001-0000000a'] })] },
      "agents[0].devices[0]: expected a device key without the channel's '-<hex>' suffix",
    ],
    [
      'device with ;1',
      { agents: [agent({ devices: ['Local/1001@agents;1'] })] },
      'agents[0].devices[0]: expected',
    ],
    [
      'Local device with /n',
      { agents: [agent({ devices: ['Local/1001@agents/n'] })] },
      "without '/n'",
    ],
    [
      'duplicate within an agent',
      { agents: [agent({ devices: ['PJSIP/1001', 'PJSIP/1001'] })] },
      "agents[0].devices[1]: duplicate 'PJSIP/1001'",
    ],
    [
      'duplicate queue',
      { queues: [{ name: 'q' }, { name: 'q' }] },
      "queues[1].name: duplicate queue name 'q'",
    ],
    ['unknown top-level key', { agent: [] }, "agent: unknown key (did you mean 'agents'?)"],
    ['not an object', [], '(root): expected an object, got a list'],
    [
      'host without credentials',
      { ami: { host: 'pbx' } },
      'ami.username: is required when ami.host is set',
    ],
  ])('reports %s', (_label, raw, expected) => {
    expect(errorOf(raw).message).toContain(expected);
  });

  it('reports duplicate interfaces and devices across agents', () => {
    const err = errorOf({
      agents: [
        agent({ interfaces: ['PJSIP/1001'] }),
        agent({ id: '1002', interfaces: ['PJSIP/1001'], devices: ['PJSIP/1001'] }),
      ],
    });
    expect(err.issues).toEqual([
      {
        path: 'agents[1].interfaces[0]',
        message: "duplicate interface 'PJSIP/1001' (already at agents[0].interfaces[0])",
      },
      {
        path: 'agents[1].devices[0]',
        message: "duplicate device 'PJSIP/1001' (already at agents[0].devices[0])",
      },
    ]);
  });

  it("reports an interface that is another agent's device", () => {
    const err = errorOf({
      agents: [
        agent({ interfaces: ['Local/1001@agents/n'], devices: ['PJSIP/1001'] }),
        agent({ id: '1002', interfaces: [], devices: ['Local/1001@agents'] }),
      ],
    });
    expect(err.issues).toEqual([
      {
        path: 'agents[0].interfaces[0]',
        message: "device 'Local/1001@agents' belongs to agents[1]",
      },
    ]);
  });

  it('canonicalises the time zone name', () => {
    expect(validateConfig({ timezone: 'asia/shanghai' }).timezone).toBe('Asia/Shanghai');
  });

  it('never shows the secret in an error message', () => {
    const secret = 'hunter2-s3cret';
    const messages = [
      errorOf({ ami: { host: 'pbx', username: 'cti', secret, port: 'x' }, timezone: secret })
        .message,
      errorOf({ ami: { secret: 123456789 }, agents: [agent({ name: 123456789 })] }).message,
      errorOf({ ami: { secret: ['a'] } }).message,
      errorOf({ ami: { secret }, agents: [agent({ hireDate: `${secret}!` })] }).message,
    ];
    for (const m of messages) {
      expect(m).not.toContain(secret);
      expect(m).not.toContain('123456789');
    }
    expect(messages[0]).toContain(
      "timezone: expected an IANA time zone such as 'Asia/Shanghai', got '***'",
    );
    expect(messages[2]).toContain('ami.secret: expected a string, got a list');
  });
});
