// Every tier runs in ESM mode (NestJS 12 is ESM-only) through @swc/jest.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/support/setup-env.ts'],
};

// Every response these tiers receive through supertest is checked against openapi.json.
const contract = { setupFilesAfterEnv: ['<rootDir>/test/support/contract-setup.ts'] };

const tier = (displayName, roots, testMatch, extra = {}) => ({
  ...common,
  displayName,
  roots,
  testMatch,
  ...extra,
});

export default {
  projects: [
    tier('unit', ['<rootDir>/src', '<rootDir>/migrations'], ['**/*.spec.ts']),
    tier('integration', ['<rootDir>/test/integration'], ['**/*.test.ts']),
    tier('e2e', ['<rootDir>/test/e2e'], ['**/*.test.ts'], contract),
    tier('embedded', ['<rootDir>/test/embedded'], ['**/*.test.ts'], contract),
    tier('reliability', ['<rootDir>/test/reliability'], ['**/*.test.ts']),
    tier('security', ['<rootDir>/test/security'], ['**/*.test.ts'], contract),
  ],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.mjs'],
  testTimeout: 60000,
  maxWorkers: 2,
};
