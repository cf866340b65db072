// Unit, integration and e2e tests (real PostgreSQL and Redis). Run: npm run test:unit [-- path]
module.exports = {
  ...require('./jest.esm.cjs'),
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/', '<rootDir>/test/browser/'],
  testTimeout: 30000,
};
