import { type CallCenterConfig } from './call-center-config';

/**
 * A short human-readable summary for logs and `--print-config`. The AMI secret is always
 * shown as '***'.
 */
export function describeConfig(config: CallCenterConfig): string {
  const { ami, rules } = config;
  const user = ami.username ? `${ami.username}@` : '';
  const target = ami.host
    ? `${user}${ami.host}:${ami.port}`
    : `embedded simulator (port ${ami.port})`;
  const secret = ami.secret === undefined ? 'none' : '***';
  const e = rules.effective;
  const byReason = Object.entries(rules.pauses.limitsByReason).map(([r, s]) => `${r} ${s} s`);
  const queues = config.queues.map(
    (q) => `${q.name} (wrap-up ${q.wrapUpSeconds} s, service level ${q.serviceLevelSeconds} s)`,
  );
  const overrides = config.agents.filter((a) => a.quota !== undefined).length;
  return [
    `timezone: ${config.timezone}`,
    `ami: ${target}, secret ${secret}`,
    `rules: version ${rules.version}`,
    `  effective call: talk >= ${e.minTalkSeconds} s, ${e.directions.join('+')}` +
      `${e.uniqueNumberPerAgentDay ? ', one per customer number per agent per day' : ''}`,
    `  quota: ${rules.quota.default} a day, ${rules.quota.newHire} in the first ` +
      `${rules.quota.newHireDays} days` +
      (overrides ? `, ${overrides} agent override(s)` : ''),
    `  pause limit: ${rules.pauses.defaultLimitSeconds} s` +
      (byReason.length ? ` (${byReason.join(', ')})` : ''),
    `  wrap-up pause reasons: ${rules.wrapUpPauseReasons.join(', ') || 'none'}`,
    `queues: ${queues.join(', ') || 'none'}`,
    `teams: ${config.teams.length}, agents: ${config.agents.length}`,
  ].join('\n');
}
