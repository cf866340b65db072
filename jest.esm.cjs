// What every Jest project here shares: ESM TypeScript through ts-jest (NestJS 12 is ESM-only; run Jest with
// `node --experimental-vm-modules`) and the @daogang/* aliases of tsconfig.json, one per folder under libs/.
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const moduleNameMapper = {};
for (const lib of readdirSync(join(__dirname, 'libs'))) {
  moduleNameMapper[`^@daogang/${lib}$`] = `<rootDir>/libs/${lib}/src/index.ts`;
  moduleNameMapper[`^@daogang/${lib}/(.*)\\.js$`] = `<rootDir>/libs/${lib}/src/$1`;
  moduleNameMapper[`^@daogang/${lib}/(.*)$`] = `<rootDir>/libs/${lib}/src/$1`;
}
moduleNameMapper['^(\\.{1,2}/.*)\\.js$'] = '$1';

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper,
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }] },
};
