// Module hooks that run the TypeScript sources directly in a child Node process (as ts-jest does inside Jest):
// `@daogang/<lib>` resolves to libs/<lib>/src, a relative `./x.js` to `./x.ts`, and .ts files are transpiled one by
// one with the project's compiler options (decorator metadata included, which NestJS's injection needs).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = new URL('../../../', import.meta.url);
const { config } = ts.readConfigFile(fileURLToPath(new URL('tsconfig.json', root)), ts.sys.readFile);
const compilerOptions = {
  ...ts.convertCompilerOptionsFromJson(config.compilerOptions, fileURLToPath(root)).options,
  module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, sourceMap: false, inlineSourceMap: true,
  incremental: false, tsBuildInfoFile: undefined,
};

export async function resolve(specifier, context, next) {
  const lib = /^@daogang\/([\w-]+)(?:\/(.*))?$/.exec(specifier);
  if (lib) {
    const sub = lib[2] ? lib[2].replace(/\.js$/, '') : 'index';
    return { url: new URL(`libs/${lib[1]}/src/${sub}.ts`, root).href, shortCircuit: true };
  }
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: fileURLToPath(url) });
  return { format: 'module', source: outputText, shortCircuit: true };
}

export { pathToFileURL };
