import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is test/browser/support/paths.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const webRoot = path.join(repoRoot, 'apps/web');
export const webDist = path.join(webRoot, 'dist');
export const viteConfig = path.join(webRoot, 'vite.config.ts');
export const viteBin = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
/** Screenshots and other artefacts (gitignored). */
export const resultsDir = path.join(repoRoot, 'test-results/browser');
