// The build-time rewrite of web-tree-sitter's glue (scripts/web-tree-sitter-glue.mjs): what
// it changes in the installed version, that it refuses a source it does not recognise, and
// that the bundles (these tests are bundled the same way) run the rewritten `Node`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { rewriteWebTreeSitterGlue } from '../scripts/web-tree-sitter-glue.mjs';
import { ROOT, testParser } from './support/engine';

const installed = fs.readFileSync(createRequire(`${ROOT}/`).resolve('web-tree-sitter'), 'utf8');

/** The source of the `Node` class, from its declaration to the next module section. */
function nodeClass(source: string): string {
  const start = source.indexOf('var Node = class {');
  return source.slice(start, source.indexOf('\n// src/', start));
}

describe('web-tree-sitter glue rewrite', () => {
  it('turns the Node class fields into constructor assignments, in declaration order, the handle at index 0 named', () => {
    const before = nodeClass(installed);
    const after = nodeClass(rewriteWebTreeSitterGlue(installed));
    assert.match(before, /^ {2}\[0\] = 0;$/m);
    assert.doesNotMatch(after, /^ {2}(\[0\] = 0|_children|_namedChildren|id|startIndex|startPosition|tree);$/m);
    const assigned = [...after.matchAll(/^ {4}this(\[0\]|\.\w+) = /gm)].map((m) => m[1]);
    assert.deepEqual(assigned.slice(0, 7), ['._other', '._children', '._namedChildren', '.id', '.startIndex', '.startPosition', '.tree']);
  });

  it('reads and writes 32-bit values through HEAP32, keeping the generic calls only as the big-endian fallback', () => {
    const after = rewriteWebTreeSitterGlue(installed);
    assert.ok((installed.match(/C\.getValue\([^;]*"i32"\)/g) ?? []).length > 50);
    assert.deepEqual(after.match(/C\.(?:get|set)Value\([^;]*"i32"\)/g), ['C.getValue(address, "i32")', 'C.setValue(address, value, "i32")']);
    assert.match(after, /function marshalNode\(node, index = 0\) \{\n\s+let address = [^\n]+\n\s+setI32\(address, node\.id\);/);
    assert.match(after, /setI32\(address, node\._other\);\n\}\n__name\(marshalNode/);
  });

  it('fails on a source it does not recognise instead of leaving it half rewritten', () => {
    assert.throws(() => rewriteWebTreeSitterGlue(installed.replace('  _namedChildren;\n', '')), /Node class fields and constructor not found/);
    assert.throws(() => rewriteWebTreeSitterGlue(installed.replace('var C;\n', 'let C;\n')), /module handle/);
    assert.throws(() => rewriteWebTreeSitterGlue(installed.replace('C.getValue(TRANSFER_BUFFER, "i32")', 'C.getValue(TRANSFER_BUFFER,"i32")')), /not rewritten/);
  });

  it('is what the bundles run: nodes have the same properties, and the tree reads the same', async () => {
    const tree = (await testParser()).parse('def f(a, b=1):\n    return a\n')!;
    const fn = tree.rootNode.namedChildren[0]!;
    assert.match(fn.constructor.toString(), /this\._children = void 0;/);
    assert.deepEqual(Object.keys(fn), ['_other', '_children', '_namedChildren', 'id', 'startIndex', 'startPosition', 'tree']);
    assert.equal(fn.type, 'function_definition');
    assert.equal(fn.childForFieldName('name')?.text, 'f');
    assert.deepEqual(fn.childForFieldName('parameters')?.namedChildren.map((p) => p?.type), ['identifier', 'default_parameter']);
    assert.deepEqual([fn.startPosition, fn.endPosition, fn.endIndex], [{ row: 0, column: 0 }, { row: 1, column: 12 }, 27]);
    tree.delete();
  });
});
