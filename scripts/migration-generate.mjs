// Usage: npm run migration:generate -- AddJobOrders
// Generates a migration from the difference between the entities and the database at DATABASE_URL
// (which must be migrated to the latest first), into libs/schema/src/migrations/, then reminds you to list it.
import { spawnSync } from 'node:child_process';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Give the migration a PascalCase name: npm run migration:generate -- AddJobOrders');
  process.exit(2);
}
const run = (args) => spawnSync('npx', args, { stdio: 'inherit' }).status ?? 1;
if (run(['typeorm', 'migration:run', '-d', 'dist/libs/schema/src/data-source.js']) !== 0) process.exit(1);
const status = run([
  'typeorm', 'migration:generate', '-d', 'dist/libs/schema/src/data-source.js',
  '--pretty', `libs/schema/src/migrations/${name}`,
]);
if (status === 0) console.log(`Now read the file, name it for what it does, and add it to libs/schema/src/migrations/index.ts.`);
process.exit(status);
