import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '@daogang/platform';

const HERE = new URL('./', import.meta.url);

/** A worker app running in a child process, to be killed without warning (SIGKILL) as a crash would. */
export interface WorkerProcess {
  child: ChildProcess;
  /** Output so far (for the failure message). */
  output(): string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the worker app in its own process on the given configuration; resolves once it is ready. */
export async function startWorkerProcess(config: AppConfig, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const raw = Object.fromEntries(Object.entries(config).filter(([k, v]) => /^[A-Z][A-Z0-9_]*$/.test(k) && v !== undefined && typeof v !== 'function'));
  const child = spawn(process.execPath, ['--import', fileURLToPath(new URL('register.mjs', HERE)), fileURLToPath(new URL('worker-main.ts', HERE))], {
    cwd: fileURLToPath(new URL('../../../', HERE)),
    env: { ...process.env, NODE_OPTIONS: '', NODE_NO_WARNINGS: '1', DAOGANG_TEST_CONFIG: JSON.stringify(raw), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker process not ready after 120 s:\n${out}`)), 120_000);
    child.stdout!.on('data', () => {
      if (out.includes('ready\n')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited (${code}) before it was ready:\n${out}`));
    });
  });
  return {
    child,
    output: () => out,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
