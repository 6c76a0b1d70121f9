import { readFileSync } from 'node:fs';
import { type CallCenterConfig } from '@cti/domain';
import { parse } from 'yaml';
import { validateWorkforceConfig } from './validate-workforce-config';
import { type WorkforceConfig } from './workforce-config';

/**
 * Reads a YAML file and validates its `workforce:` section, or the whole file when it has no such
 * key (a file of its own, e.g. CTI_WORKFORCE_CONFIG). No file: the defaults of
 * the written rules, still with the environment applied.
 */
export function loadWorkforceConfig(options: {
  readonly file?: string;
  readonly callCenter: CallCenterConfig;
  readonly env?: Readonly<Record<string, string | undefined>>;
}): WorkforceConfig {
  let section: unknown = {};
  if (options.file) {
    const doc = parse(readFileSync(options.file, 'utf8')) as unknown;
    const o =
      typeof doc === 'object' && doc !== null && !Array.isArray(doc)
        ? (doc as Record<string, unknown>)
        : {};
    section = 'workforce' in o ? o.workforce : o;
  }
  return validateWorkforceConfig(section, options.callCenter, options.env ?? {});
}
