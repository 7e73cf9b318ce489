// One jest run for every workspace. `npm test` runs it with coverage; the gate on shared/ is enforced here.
const tsJest = ['ts-jest', { diagnostics: false }];
// Node projects may reach loopback only: anything else throws (local-cloud/src/functions/loopback-guard.ts).
const loopbackOnly = ['<rootDir>/../local-cloud/test/support/loopback-only.ts'];

/** @type {import('jest').Config} */
module.exports = {
  // Sized for a loaded 2-core machine (jest's 5 s default is not); suites that need more say so.
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'shared',
      rootDir: '<rootDir>/shared',
      testEnvironment: 'node',
      setupFiles: loopbackOnly,
      // Globs are relative to the project's rootDir; the gate below applies to these files.
      collectCoverageFrom: ['<rootDir>/src/**/*.ts', '!<rootDir>/src/**/index.ts'],
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/src/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'local-cloud',
      rootDir: '<rootDir>/local-cloud',
      testEnvironment: 'node',
      setupFiles: loopbackOnly,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'cloudfunctions',
      rootDir: '<rootDir>/cloudfunctions',
      testEnvironment: 'node',
      setupFiles: loopbackOnly,
      globalSetup: '<rootDir>/test/support/global-setup.js',
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/*/test/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'client',
      rootDir: '<rootDir>/client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
      transform: { '^.+\\.tsx?$': tsJest },
      // Taro's components and APIs are stood in by small DOM mocks; the components under test are real.
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/test/mocks/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
        '\\.(css|scss|sass|less)$': '<rootDir>/test/mocks/style.ts',
      },
    },
    {
      displayName: 'scripts',
      rootDir: '<rootDir>/scripts',
      testEnvironment: 'node',
      setupFiles: loopbackOnly,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
  ],
  coverageThreshold: {
    './shared/src/': { branches: 95 },
  },
  coverageReporters: ['text-summary', 'lcov'],
};
