export * from './call-center-config';
export { ConfigError } from './config-error';
export { type ConfigIssue } from './schema';
export { validateConfig } from './validate-config';
export {
  applyEnvOverrides,
  DEFAULT_CONFIG_FILE,
  type Env,
  loadConfig,
  type LoadConfigOptions,
  readConfigFile,
  resolveConfigPath,
} from './load-config';
export { describeConfig } from './describe-config';
