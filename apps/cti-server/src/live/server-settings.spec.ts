import { readServerSettings } from './server-settings';

describe('server settings from the environment', () => {
  it('runs on the simulator with the rules’ default shift when nothing is configured', () => {
    const s = readServerSettings({});
    expect(s.simulator).toEqual({ agents: 12, speed: 1, seed: 1 });
    expect(s.port).toBe(3000);
    expect(s.boardShift).toEqual({ start: '09:00', end: '17:00' });
  });

  it('takes the wallboard shift from CTI_SHIFT, across midnight too', () => {
    expect(readServerSettings({ CTI_SHIFT: '22:00-06:00' }).boardShift).toEqual({
      start: '22:00',
      end: '06:00',
    });
  });

  it('refuses bad values with a message naming the variable', () => {
    expect(() => readServerSettings({ CTI_SHIFT: '9-17' })).toThrow(
      /CTI_SHIFT must look like 09:00-17:00, got '9-17'/,
    );
    expect(() => readServerSettings({ PORT: 'abc' })).toThrow(
      /PORT must be a positive number, got 'abc'/,
    );
    expect(() => readServerSettings({ CTI_TIMEZONE: 'Mars/Base' })).toThrow(
      /CTI_TIMEZONE must be an IANA time zone such as Asia\/Shanghai, got 'Mars\/Base'/,
    );
    expect(readServerSettings({ CTI_TIMEZONE: 'Europe/Paris' }).config.timezone).toBe(
      'Europe/Paris',
    );
    expect(() => readServerSettings({ AMI_HOST: 'pbx.local' })).toThrow(
      /AMI_HOST is set but no call-center configuration/,
    );
  });
});
