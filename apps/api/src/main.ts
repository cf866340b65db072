import { Logger } from '@nestjs/common';
import { ConfigValidationError, loadConfig } from '@daogang/platform';
import { createApiApp } from './bootstrap.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.PORT);
  const docs = config.SWAGGER_ENABLED ? ' (docs at /api/docs)' : '';
  Logger.log(`API on http://127.0.0.1:${config.PORT}/api${docs}`, 'Daogang');
}

main().catch((error) => {
  // A bad environment names every variable at fault and stops.
  console.error(error instanceof ConfigValidationError ? error.message : error);
  process.exit(1);
});
