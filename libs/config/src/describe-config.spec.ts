import { describeConfig } from './describe-config';
import { validateConfig } from './validate-config';

describe('describeConfig', () => {
  it('summarises the configuration and masks the secret', () => {
    const config = validateConfig({
      ami: { host: 'pbx', username: 'cti', secret: 'hunter2-s3cret' },
      rules: { pauses: { limitsByReason: { 示忙: 900 } } },
      queues: [{ name: 'support', wrapUpSeconds: 3 }],
    });
    const text = describeConfig(config);
    expect(text).not.toContain('hunter2');
    expect(text).toContain('ami: cti@pbx:5038, secret ***');
    expect(text).toContain('talk >= 30 s, inbound+outbound');
    expect(text).toContain('pause limit: 900 s (示忙 900 s)');
    expect(text).toContain('queues: support (wrap-up 3 s, service level 15 s)');
    expect(describeConfig(validateConfig({}))).toContain(
      'ami: embedded simulator (port 5038), secret none',
    );
  });
});
