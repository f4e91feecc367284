// What package.json declares to VS Code beyond settings (settings: engine/settings.test.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './support/engine';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown };
  contributes: { commands: Array<{ command: string; title: string; category: string }> };
};

describe('package.json', () => {
  it('runs in untrusted and virtual workspaces: it never runs the code it reads', () => {
    assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  });

  it('contributes the commands, all under the Pythonic category', () => {
    assert.deepEqual(
      manifest.contributes.commands.map((c) => [c.command, c.category, c.title]),
      [
        ['pythonic.restartServer', 'Pythonic', 'Restart Server'],
        ['pythonic.showRuleDocs', 'Pythonic', 'Show Rule Documentation'],
        ['pythonic.checkWorkspace', 'Pythonic', 'Check Workspace'],
        ['pythonic.showOutput', 'Pythonic', 'Show Output'],
      ],
    );
  });
});
