/**
 * Just enough of the Dockerfile and compose formats to start the server the way the image and the
 * compose file describe it, without a Docker daemon.
 */

export interface DockerStep {
  readonly instruction: string;
  readonly args: string;
}

export interface DockerStage {
  readonly name?: string;
  readonly steps: readonly DockerStep[];
}

/** The stages of a Dockerfile, their steps with continuation lines joined and comments dropped. */
export function dockerStages(text: string): DockerStage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const stages: { name?: string; steps: DockerStep[] }[] = [];
  for (const line of lines) {
    const cut = line.search(/\s/);
    const instruction = line.slice(0, cut).toUpperCase();
    const args = line.slice(cut).trim();
    if (instruction === 'FROM') {
      const name = /\sAS\s+(\S+)$/i.exec(args)?.[1];
      stages.push({ ...(name ? { name } : {}), steps: [] });
    } else stages.at(-1)?.steps.push({ instruction, args });
  }
  return stages;
}

/** The `ENV a=b c=d` variables of a stage (values without quotes or spaces, as ours are). */
export function stageEnv(stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const step of stage.steps.filter((s) => s.instruction === 'ENV'))
    for (const pair of step.args.split(/\s+/)) {
      const eq = pair.indexOf('=');
      env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  return env;
}

/**
 * Compose's variable interpolation: `${X}`, `${X:-default}`, `${X:?error}` (unset or empty X is
 * an error, as compose refuses to start).
 */
export function interpolate(value: string, vars: Readonly<Record<string, string>>): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g,
    (_, name: string, kind?: string, rest?: string) => {
      const given = vars[name];
      if (given !== undefined && given !== '') return given;
      if (kind === '?') throw new Error(`compose needs ${name}: ${rest ?? ''}`);
      return kind === '-' ? (rest ?? '') : '';
    },
  );
}

export interface Mount {
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
  /** A named volume (no path): compose creates it. */
  readonly named: boolean;
}

/** A short-syntax volume `source:target[:ro|rw]`. */
export function parseMount(spec: string): Mount {
  const [source = '', target = '', mode] = spec.split(':');
  return { source, target, readOnly: mode === 'ro', named: !/^[./~]/.test(source) };
}
