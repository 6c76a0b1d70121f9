/** One metric in Prometheus text exposition format 0.0.4. */
export interface Metric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge';
  readonly value: number;
}

/** Renders metrics; names are ours (fixed), so only the values vary. */
export function renderMetrics(metrics: readonly Metric[]): string {
  return metrics
    .map(
      (m) =>
        `# HELP ${m.name} ${m.help}\n# TYPE ${m.name} ${m.type}\n${m.name} ${formatValue(m.value)}\n`,
    )
    .join('');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}
