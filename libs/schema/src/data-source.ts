import 'reflect-metadata';
import { dataSourceOptions, loadConfig } from '@daogang/platform';
import { DataSource } from 'typeorm';
import { SCHEMA } from './index.js';

/** The DataSource of the TypeORM CLI (migration:run / revert / generate); built from the same config as the apps. */
const config = loadConfig({
  JWT_ACCESS_SECRET: 'unused-by-the-migration-cli-unused-by-the-cli',
  JWT_REFRESH_SECRET: 'unused-by-the-migration-cli-unused-by-the-cli',
  PII_KEYS: `cli:${Buffer.alloc(32).toString('base64')}`,
  PII_HASH_SECRET: 'unused-by-the-migration-cli-unused-by-the-cli',
  ...process.env,
});
export default new DataSource(dataSourceOptions(config, SCHEMA));
