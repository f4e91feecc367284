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
  it('turns the Node class fields into constructor assignments, in declaration order, the handle at index 0 named, the start position as two numbers', () => {
    const before = nodeClass(installed);
    const after = nodeClass(rewriteWebTreeSitterGlue(installed));
    assert.match(before, /^ {2}\[0\] = 0;$/m);
    assert.doesNotMatch(after, /^ {2}(\[0\] = 0|_children|_namedChildren|id|startIndex|startPosition|tree);$/m);
    const assigned = [...after.matchAll(/^ {4}this(\[0\]|\.\w+) = /gm)].map((m) => m[1]);
    assert.deepEqual(assigned.slice(0, 8), ['._other', '._children', '._namedChildren', '.id', '.startIndex', '._row', '._column', '.tree']);
    assert.match(after, /get startPosition\(\) \{\n\s+return \{ row: this\._row, column: this\._column \};/);
  });

  it('keeps descendantsOfType\'s symbol ids per language and list of names, and finds field ids in a map', () => {
    const after = rewriteWebTreeSitterGlue(installed);
    const descendants = after.slice(after.indexOf('  descendantsOfType('), after.indexOf('  get nextSibling()'));
    assert.match(descendants, /let known = byLanguage\.get\(key\);/);
    assert.doesNotMatch(descendants, /C\._free\(symbolsAddress\)/);
    assert.equal((installed.match(/this\.tree\.language\.fields\.indexOf\(fieldName\)/g) ?? []).length, 2);
    assert.equal((after.match(/this\.tree\.language\.fields\.indexOf\(fieldName\)/g) ?? []).length, 0);
    assert.equal((after.match(/fieldIdOf\(this\.tree\.language, fieldName\)/g) ?? []).length, 2);
  });

  it('reads and writes 32-bit values through HEAP32, keeping the generic calls only as the big-endian fallback', () => {
    const after = rewriteWebTreeSitterGlue(installed);
    assert.ok((installed.match(/C\.getValue\([^;]*"i32"\)/g) ?? []).length > 50);
    assert.deepEqual(after.match(/C\.(?:get|set)Value\([^;]*"i32"\)/g), ['C.getValue(address, "i32")', 'C.setValue(address, value, "i32")']);
    assert.match(after, /function marshalNode\(node, index = 0\) \{\n\s+let address = [^\n]+\n\s+setI32\(address, node\.id\);/);
    assert.match(after, /setI32\(address, node\._row\);\n\s+address \+= SIZE_OF_INT;\n\s+setI32\(address, node\._column\);/);
    assert.match(after, /setI32\(address, node\._other\);\n\}\n__name\(marshalNode/);
  });

  it('fails on a source it does not recognise instead of leaving it half rewritten', () => {
    assert.throws(() => rewriteWebTreeSitterGlue(installed.replace('  _namedChildren;\n', '')), /Node class fields and constructor not found/);
    assert.throws(() => rewriteWebTreeSitterGlue(installed.replace('var C;\n', 'let C;\n')), /module handle/);
    assert.throws(() => rewriteWebTreeSitterGlue(installed.replace('C.getValue(TRANSFER_BUFFER, "i32")', 'C.getValue(TRANSFER_BUFFER,"i32")')), /not rewritten/);
    assert.throws(() => rewriteWebTreeSitterGlue(installed.replace('    C._free(symbolsAddress);\n', '')), /free of the symbols/);
    assert.throws(() => rewriteWebTreeSitterGlue(installed.replace('startPosition: { row, column },', 'startPosition: { row: row, column },')), /unmarshalNode's new Node/);
  });

  it('is what the bundles run: nodes have the same properties, and the tree reads the same', async () => {
    const tree = (await testParser()).parse('def f(a, b=1):\n    return a\n')!;
    const fn = tree.rootNode.namedChildren[0]!;
    assert.match(fn.constructor.toString(), /this\._children = void 0;/);
    assert.deepEqual(Object.keys(fn), ['_other', '_children', '_namedChildren', 'id', 'startIndex', '_row', '_column', 'tree']);
    assert.equal(fn.type, 'function_definition');
    assert.equal(fn.childForFieldName('name')?.text, 'f');
    assert.equal(fn.childForFieldName('no_such_field'), null);
    assert.deepEqual(fn.childrenForFieldName('name').map((n) => n?.text), ['f']);
    // The same list of names twice (the second from the kept symbol ids), and a range of it.
    for (let i = 0; i < 2; i++) assert.deepEqual(fn.descendantsOfType(['identifier', 'integer']).map((n) => n?.text), ['f', 'a', 'b', '1', 'a']);
    assert.deepEqual(fn.descendantsOfType(['identifier', 'integer'], { row: 0, column: 7 }, { row: 1, column: 0 }).map((n) => n?.text), ['b', '1']);
    assert.deepEqual(fn.descendantsOfType('integer').map((n) => n?.text), ['1']);
    assert.deepEqual(fn.childForFieldName('parameters')?.namedChildren.map((p) => p?.type), ['identifier', 'default_parameter']);
    assert.deepEqual([fn.startPosition, fn.endPosition, fn.endIndex], [{ row: 0, column: 0 }, { row: 1, column: 12 }, 27]);
    tree.delete();
  });
});
