import { Logger } from '@nestjs/common';
import { ConfigValidationError, loadConfig } from '@daogang/platform';
import { createWorkerApp } from './bootstrap.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createWorkerApp(config);
  await app.listen(config.WORKER_PORT);
  Logger.log(`worker running; health on http://127.0.0.1:${config.WORKER_PORT}/health`, 'Daogang');
}

main().catch((error) => {
  console.error(error instanceof ConfigValidationError ? error.message : error);
  process.exit(1);
});
