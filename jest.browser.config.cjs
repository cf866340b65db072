// Browser tests (headless Chromium through playwright-core) against the built web app (apps/web/dist, served by
// vite preview) and a real API. Run: npm run test:browser
// Jest in ESM mode like the unit config (NestJS 12 is ESM-only; the API is booted inside the test process by
// test/support/app.ts → startTestApi(), which needs the local PostgreSQL and Redis like the e2e tests).
//   DAOGANG_API_URL=http://127.0.0.1:3000  use an already running, seeded API instead of booting one
//   CHROMIUM_PATH=/usr/bin/chromium          browser binary (default shown)
module.exports = {
  ...require('./jest.esm.cjs'),
  roots: ['<rootDir>/test/browser'],
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  maxWorkers: 1,
};
