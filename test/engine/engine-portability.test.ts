// The engine must run where Node's APIs do not exist (a browser build in a web
// worker): nothing under server/src/engine/ may import a Node built-in or reach for
// Node-only globals. The CLI and the server are the Node-facing layers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/engine';

const ENGINE = path.join(ROOT, 'server', 'src', 'engine');
const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('engine portability', () => {
  it('imports no Node built-in and uses no Node-only global', () => {
    const files = sources(ENGINE);
    assert.ok(files.length > 20);
    const offences: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
        if (NODE_MODULES.has(m[1])) offences.push(`${path.relative(ROOT, file)} imports ${m[1]}`);
      }
      for (const m of text.matchAll(/\b(process\.(?:env|cwd|argv|platform)|Buffer\.|__dirname|__filename|setImmediate)\b/g)) {
        offences.push(`${path.relative(ROOT, file)} uses ${m[1]}`);
      }
    }
    assert.deepEqual(offences, []);
  });
});
