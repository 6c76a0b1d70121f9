import { readServerSettings } from './server-settings';

describe('server settings from the environment', () => {
  it('runs on the simulator with the rules’ default shift when nothing is configured', () => {
    const s = readServerSettings({});
    expect(s.simulator).toEqual({ agents: 12, speed: 1, seed: 1 });
    expect(s.port).toBe(3000);
    expect(s.boardShift).toEqual({ start: '09:00', end: '17:00' });
    expect(s.trustProxy).toBe(false);
  });

  it('reads CTI_TRUST_PROXY as a hop count or a list of proxy addresses and networks', () => {
    expect(readServerSettings({ CTI_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(
      readServerSettings({ CTI_TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1' }).trustProxy,
    ).toEqual(['10.0.0.5', '192.168.0.0/16', '::1']);
    expect(readServerSettings({ CTI_TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
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
    for (const bad of ['true', '0', '10.0.0.300', '10.0.0.0/33', 'proxy.local', '1.2.3.4,']) {
      expect(() => readServerSettings({ CTI_TRUST_PROXY: bad })).toThrow(
        new RegExp(`^CTI_TRUST_PROXY must be a hop count .* got '${bad.replace(/\./g, '\\.')}'`),
      );
    }
  });
});
