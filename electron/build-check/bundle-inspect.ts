import { builtinModules } from 'node:module';

/** Module names a built CommonJS file loads: `require("x")` and dynamic `import("x")`. */
export function requiredModules(source: string): { requires: string[]; dynamicImports: string[] } {
  // JSDoc in bundled libraries mentions `import('./x.js')` types: comment lines are not code.
  const code = source
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
    .join('\n');
  const requires = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] as string);
  const dynamicImports = [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] as string);
  return { requires: [...new Set(requires)].sort(), dynamicImports: [...new Set(dynamicImports)].sort() };
}

export function isNodeBuiltin(name: string): boolean {
  return name.startsWith('node:') || builtinModules.includes(name);
}

/** Top-level ESM syntax that makes a file fail as CommonJS (what breaks a sandboxed preload). */
export function esmStatements(code: string): string[] {
  return code.split('\n').filter((line) => /^\s*(import\s+[\w*{]|import\s+["']|export\s+(\{|default|const|function|class|\*))/.test(line));
}
