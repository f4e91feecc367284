// Types for the tests, which import the rewrite to check it (the build imports the .mjs itself).
export function rewriteWebTreeSitterGlue(source: string): string;
export function webTreeSitterGlue(cjsPath: string): { name: string; setup(build: unknown): void };
