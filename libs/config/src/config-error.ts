import { type ConfigIssue } from './schema';

/**
 * An invalid configuration. The message lists every problem, one per line with its path;
 * `issues` holds them for programs. Never contains the AMI secret.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly issues: readonly ConfigIssue[],
    readonly source?: string,
  ) {
    super(ConfigError.format(issues, source));
  }

  private static format(issues: readonly ConfigIssue[], source?: string): string {
    const where = source ? ` (${source})` : '';
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map((i) => `  ${i.path ? `${i.path}: ` : ''}${i.message}`);
    return [`invalid call-center configuration${where}, ${count}:`, ...lines].join('\n');
  }
}
