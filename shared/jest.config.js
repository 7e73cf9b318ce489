// Jest config for the shared workspace alone, used by Stryker (`npm run mutation`).
// `npm test` uses the root jest.config.js, whose `shared` project matches this one.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] },
};
