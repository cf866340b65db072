// Jest in ESM mode (NestJS 12 is ESM-only); run through `node --experimental-vm-modules`.
const libs = ['platform', 'accounts', 'search', 'jobs', 'registry', 'indexing', 'schema'];
const aliases = {};
for (const lib of libs) {
  aliases[`^@daogang/${lib}$`] = `<rootDir>/libs/${lib}/src/index.ts`;
  aliases[`^@daogang/${lib}/(.*)\\.js$`] = `<rootDir>/libs/${lib}/src/$1`;
  aliases[`^@daogang/${lib}/(.*)$`] = `<rootDir>/libs/${lib}/src/$1`;
}
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/', '<rootDir>/test/browser/'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { ...aliases, '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }] },
  testTimeout: 30000,
};
