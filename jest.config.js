/** Unit (.spec) and integration (.int-spec) tests, one jest run. */
const moduleNameMapper = {
  '^@cti/(.*)$': '<rootDir>/libs/$1/src',
};
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
    // NestJS 12 is ESM-only; see the transformer for why jest needs it as CommonJS.
    '/node_modules/@nestjs/.+\\.js$': '<rootDir>/test/jest/esm-package-transform.cjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testTimeout: 60000,
};
