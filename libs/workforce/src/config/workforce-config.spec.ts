import { fixtureCallCenter } from '../testing/fixtures';
import { validateWorkforceConfig, WorkforceConfigError } from './validate-workforce-config';

const cc = fixtureCallCenter();

describe('workforce configuration', () => {
  it('defaults to the written call-center rules and the call center rule as the only version', () => {
    const c = validateWorkforceConfig({}, cc);
    expect(c.schedule.patterns.winter).toEqual({
      periods: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      login: '08:45',
      logout: '17:30',
    });
    expect(c.schedule.patterns.summer!.periods[1]).toEqual({ start: '13:30', end: '17:30' });
    expect(c.schedule.seasons).toEqual([
      { name: 'summer', from: '05-01' },
      { name: 'winter', from: '10-01' },
    ]);
    expect(c.ruleSets).toEqual([
      {
        version: 'cc-1',
        effectiveFrom: '1970-01-01',
        effective: cc.rules.effective,
        quota: cc.rules.quota,
      },
    ]);
    expect(c.attendance).toMatchObject({
      graceSeconds: 300,
      halfDayAboveSeconds: 3600,
      fullDayAboveSeconds: 7200,
      maxIncidentsPerMonth: 3,
    });
    expect(c.followUps).toEqual({ submitBy: '24:00', numbersVisibleTo: ['supervisor', 'admin'] });
    expect(c.reports).toEqual({ sendAt: '08:00', monthlyDay: 30, transports: [] });
  });

  it('takes schedules with seasons, 24-hour rotations, rule versions and webhooks; secrets from the environment', () => {
    const c = validateWorkforceConfig(
      {
        schedule: {
          patterns: {
            day: { periods: [{ start: '09:00', end: '17:00' }] },
            '24h': { periods: [{ start: '08:00', end: '08:00' }] },
          },
          seasons: [],
          default: { kind: 'weekly', patterns: { '*': 'day' } },
          teams: { heat: { kind: 'rotation', anchor: '2026-11-02', cycle: ['24h', null, null] } },
        },
        ruleSets: [
          { version: 'a', effectiveFrom: '2026-01-01' },
          {
            version: 'b',
            effectiveFrom: '2026-12-01',
            effective: {
              minTalkSeconds: 45,
              directions: ['outbound'],
              uniqueNumberPerAgentDay: true,
            },
            quota: { byTeam: { t1: { default: 60 } }, byAgent: { '1001': 20 } },
          },
        ],
        notifications: {
          locale: 'en',
          webhooks: [
            { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K', kind: 'wecom' },
          ],
        },
        reports: {
          transports: [
            {
              kind: 'smtp',
              host: '127.0.0.1',
              port: 2525,
              from: 'cti@example.com',
              to: ['boss@example.com'],
            },
          ],
        },
      },
      cc,
      {
        WORKFORCE_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=T',
        WORKFORCE_WEBHOOK_KIND: 'dingtalk',
        WORKFORCE_WEBHOOK_SECRET: 'SEC',
        WORKFORCE_SMTP_PASSWORD: 'pw',
      },
    );
    expect(c.schedule.teams.heat).toEqual({
      kind: 'rotation',
      anchor: '2026-11-02',
      cycle: ['24h', null, null],
    });
    expect(c.ruleSets[1]).toEqual({
      version: 'b',
      effectiveFrom: '2026-12-01',
      effective: { minTalkSeconds: 45, directions: ['outbound'], uniqueNumberPerAgentDay: true },
      quota: {
        default: 50,
        newHire: 30,
        newHireDays: 15,
        byTeam: { t1: { default: 60 } },
        byAgent: { '1001': 20 },
      },
    });
    expect(c.notifications.webhooks.map((w) => w.kind)).toEqual(['wecom', 'dingtalk']);
    expect(c.notifications.webhooks[1]!.secret).toBe('SEC');
    expect(c.reports.transports[0]).toMatchObject({
      kind: 'smtp',
      password: 'pw',
      secure: false,
      starttls: false,
    });
  });

  it('lists every problem at once, naming settings, never secret values', () => {
    let error: WorkforceConfigError | undefined;
    try {
      validateWorkforceConfig(
        {
          schedule: {
            patterns: {
              bad: { periods: [{ start: '9:00', end: '17:00' }] },
              long: {
                periods: [
                  { start: '08:00', end: '20:00' },
                  { start: '21:00', end: '10:00' },
                ],
              },
            },
            default: { kind: 'weekly', workdays: [1, 1, 8], patterns: { winter: 'nope' } },
            teams: { ghosts: { kind: 'rotation', anchor: '2026-13-01', cycle: [] } },
            overrides: [{ day: '2026-12-01', agentId: '9999', kind: 'work', reason: 'x' }],
          },
          ruleSets: [
            { version: 'a', effectiveFrom: '2026-01-01', quota: { default: -1 } },
            { version: 'a', effectiveFrom: '2026-01-01' },
          ],
          attendance: { graceSeconds: 7200, halfDayAboveSeconds: 60 },
          notifications: { webhooks: [{ url: 'ftp://secret-key-host/x', kind: 'slack' }] },
          typo: true,
        },
        cc,
      );
    } catch (e) {
      error = e as WorkforceConfigError;
    }
    expect(error).toBeInstanceOf(WorkforceConfigError);
    expect(error!.problems).toEqual([
      'workforce.typo: is not a setting (expected one of schedule, ruleSets, attendance, shiftEnd, notifications, followUps, reports)',
      'schedule.patterns.bad.periods[0].start: must be a time HH:MM',
      'schedule.patterns.long.periods: span more than 24 hours',
      'schedule.default.workdays[2]: must be a whole number from 1 to 7',
      'schedule.default.workdays: lists a weekday twice',
      "schedule.default.patterns.winter: 'nope' is not a pattern in schedule.patterns",
      "schedule.default.patterns: has no pattern for summer (or '*')",
      'schedule.teams.ghosts: is not a team of the call center',
      'schedule.teams.ghosts.anchor: must be a date YYYY-MM-DD',
      'schedule.teams.ghosts.cycle: needs at least one day',
      "schedule.overrides[0].agentId: '9999' is not an agent",
      'schedule.overrides[0].pattern: is required',
      "schedule.overrides[0].pattern: '' is not a pattern in schedule.patterns",
      'ruleSets[0].quota.default: must be a whole number from 0',
      "ruleSets[1].version: 'a' is used twice",
      'ruleSets[1].effectiveFrom: two versions start on 2026-01-01',
      'attendance: needs graceSeconds ≤ halfDayAboveSeconds ≤ fullDayAboveSeconds',
      'notifications.webhooks[0].url: must be an http(s) URL',
      'notifications.webhooks[0].kind: must be one of generic, wecom, dingtalk, feishu',
    ]);
    expect(error!.message).not.toContain('secret-key-host');
  });
});
