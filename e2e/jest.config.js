// Browser journeys: separate from the unit run (they need the built H5 client and Chromium).
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/journeys/**/*.e2e.ts'],
  // This process may reach loopback only (the stack and Chromium's pipe); anything else throws.
  setupFiles: ['<rootDir>/../local-cloud/test/support/loopback-only.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 180_000,
  maxWorkers: 1,
};
