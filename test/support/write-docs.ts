// `npm run docs`: writes docs/rules/<CODE>.md and docs/rules/README.md from rule metadata.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedRuleDocs } from './rule-docs';
import { ROOT } from './engine';

for (const [file, content] of expectedRuleDocs()) {
  const target = path.join(ROOT, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
}
console.log(`wrote ${expectedRuleDocs().size} files under docs/rules/`);
