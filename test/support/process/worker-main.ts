import { validateConfig } from '@daogang/platform';
import { createWorkerApp } from '../../../apps/worker/src/bootstrap.js';

/**
 * The worker app as its own OS process, for the fault tests (test/support/process/worker-process.ts starts it and
 * kills it with SIGKILL): the configuration comes as JSON in DAOGANG_TEST_CONFIG; "ready" on stdout once it runs.
 */
const config = validateConfig(JSON.parse(process.env.DAOGANG_TEST_CONFIG ?? '{}'));
const app = await createWorkerApp(config, { schedules: false });
await app.init();
process.stdout.write('ready\n');
