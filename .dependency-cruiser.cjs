/** Architecture rules, checked in CI (`npm run deps:check`). */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      comment: 'The domain imports nothing but TypeScript: no framework, driver, rxjs or node I/O.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'adapters-do-not-import-each-other',
      severity: 'error',
      from: { path: '^libs/(ami|config)/' },
      to: { path: '^libs/(ami|config|testing)/', pathNot: '^libs/$1/' },
    },
    {
      name: 'platform-imports-no-feature-lib',
      comment: 'Every feature lib may use libs/platform, so it may only build on the pure domain.',
      severity: 'error',
      from: { path: '^libs/platform/', pathNot: '\\.(spec|int-spec|e2e-spec)\\.ts$' },
      to: { path: '^libs/', pathNot: '^libs/(platform|domain)/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'testing-only-in-tests-and-tools',
      comment: 'The testing lib (replay server, builders) is for tests, the CLI and benchmarks.',
      severity: 'error',
      from: {
        path: '^(libs|apps/cti-server|apps/pbx-simulator)/',
        pathNot: ['^libs/testing/', '\\.(spec|int-spec|e2e-spec)\\.ts$', '/src/(testing|test-support)/'],
      },
      to: { path: '^libs/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^dist/|\\.d\\.ts$)' },
  },
};
