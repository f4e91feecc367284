// The build-time rewrite of web-tree-sitter's glue (scripts/web-tree-sitter-glue.mjs): what
// it changes in the installed version, that it refuses a source it does not recognise, and
// that the bundles (these tests are bundled the same way) run the rewritten `Node`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { rewriteWebTreeSitterGlue } from '../scripts/web-tree-sitter-glue.mjs';
import type { Node, Point } from '../server/src/parser';
import { corpora, corpusFiles, readSource } from './support/corpus';
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
    assert.deepEqual(Object.keys(fn), ['_other', '_children', '_namedChildren', 'id', 'startIndex', '_row', '_column', 'tree', '_typeId', '_fieldId', '_fieldChild']);
    assert.equal(fn.type, 'function_definition');
    assert.equal(fn.childForFieldName('name')?.text, 'f');
    assert.equal(fn.childForFieldName('no_such_field'), null);
    assert.deepEqual(fn.childrenForFieldName('name').map((n) => n?.text), ['f']);
    // The same list of names twice (the second from the kept symbol ids), and a range of it.
    for (let i = 0; i < 2; i++) assert.deepEqual(fn.descendantsOfType(['identifier', 'integer']).map((n) => n?.text), ['f', 'a', 'b', '1', 'a']);
    assert.deepEqual(fn.descendantsOfType(['identifier', 'integer'], { row: 0, column: 7 }, { row: 1, column: 0 }).map((n) => n?.text), ['b', '1']);
    assert.deepEqual(fn.descendantsOfType('integer').map((n) => n?.text), ['1']);
    assert.deepEqual(fn.childForFieldName('parameters')?.namedChildren.map((p) => p?.type), ['identifier', 'default_parameter']);
    // The last field asked for is kept: the same node again, and another field still answers.
    assert.equal(fn.childForFieldName('parameters'), fn.childForFieldName('parameters'));
    assert.equal(fn.childForFieldName('name')?.text, 'f');
    assert.equal(fn.childForFieldName('body')?.type, 'block');
    assert.equal(fn.childForFieldName('return_type'), null);
    assert.equal(fn.childForFieldName('name')?.text, 'f');
    assert.deepEqual([fn.startPosition, fn.endPosition, fn.endIndex], [{ row: 0, column: 0 }, { row: 1, column: 12 }, 27]);
    tree.delete();
  });

  it('copies the text into WebAssembly memory whole: every chunk of 5,119 UTF-16 units, pairs and lone surrogates split at the chunk edges included', async () => {
    const after = rewriteWebTreeSitterGlue(installed);
    assert.match(after, /Buffer\.from\(HEAPU8\.buffer, outPtr, bytes\)\.write\(str, "utf16le"\)/);
    assert.throws(() => rewriteWebTreeSitterGlue(installed.replace('LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);', 'LE_HEAP_STORE_I16(outPtr, codeUnit);')), /stringToUTF16's copy loop/);
    const parser = await testParser();
    // Strings whose content holds a surrogate pair (and, in the comments, a lone surrogate) at
    // and around each chunk edge; the string nodes' text must come back unit for unit.
    // The first line puts a pair across the first chunk's edge (units 5,118 and 5,119).
    const first = `# ${'z'.repeat(5116)}\u{1F600} \ud800\n`;
    assert.equal(first.charCodeAt(5118), 0xd83d);
    const lines: string[] = [];
    let length = first.length;
    for (let i = 0; length < 40_000; i++) {
      const pad = 'x'.repeat(i % 7);
      const line = `s${i} = "${pad}\u{1F600}\u00e9${'y'.repeat(60 + (i % 13))}"  # \ud800 ${i}\n`;
      lines.push(line);
      length += line.length;
    }
    const text = first + lines.join('');
    const tree = parser.parse(text)!;
    assert.equal(tree.rootNode.hasError, false);
    assert.equal(tree.rootNode.endIndex, text.length);
    assert.deepEqual([tree.rootNode.firstChild?.type, tree.rootNode.firstChild?.endIndex], ['comment', first.length - 1]);
    const strings = tree.rootNode.descendantsOfType('string');
    assert.equal(strings.length, lines.length);
    for (const [i, node] of strings.entries()) {
      const expected = lines[i].slice(lines[i].indexOf('"'), lines[i].lastIndexOf('"') + 1);
      assert.equal(text.slice(node!.startIndex, node!.endIndex), expected, `string ${i}`);
      assert.equal(node!.startPosition.row, i + 1);
    }
    tree.delete();
  });

  describe('descendantsOfType walks the tree\'s memory from JavaScript and finds what the walk inside WebAssembly finds; a node\'s type, end, end position, named children and field children read from memory are WebAssembly\'s', () => {
    /** What a found node is, as every caller can see it. */
    const seen = (nodes: Array<Node | null>) => nodes.map((n) => n && `${n.id} ${n.type} ${n.startIndex} ${n.startPosition.row}:${n.startPosition.column} ${n.endIndex} ${n.isNamed}`);
    type Walk = Node & { descendantsOfTypeInWasm(types: string[], from?: Point, to?: Point): Array<Node | null> };
    /** Both walks over `node`, for `types`, the whole node or a range, compared; and the type the walk gave each node with WebAssembly's. */
    const same = (node: Node, types: string[], from?: Point, to?: Point) => {
      const found = node.descendantsOfType(types, from, to);
      const js = seen(found);
      const wasm = seen((node as Walk).descendantsOfTypeInWasm(types, from, to));
      assert.deepEqual(js, wasm, `${types.join(' ')} in ${node.type} at ${node.startIndex}${from ? ` from ${JSON.stringify(from)} to ${JSON.stringify(to)}` : ''}`);
      for (const n of found) assert.equal(n!.typeId, (n as MemoryReads).typeIdInWasm);
    };
    type MemoryReads = Node & {
      typeIdInWasm: number;
      endIndexInWasm: number;
      endPositionInWasm: Point;
      namedChildrenInWasm: Array<Node | null>;
      _namedChildren?: unknown;
      childForFieldIdInWasm(fieldId: number): Node | null;
    };
    /**
     * A node's type, end, end position, named children and child for each field read from
     * memory, and those of every node below it, equal what WebAssembly answers.
     */
    const sameReads = (node: Node) => {
      const fields = node.tree.language.fields.length;
      for (const stack = [node as MemoryReads]; stack.length > 0; ) {
        const n = stack.pop()!;
        const memory = [n.typeId, n.endIndex, n.endPosition, seen(n.namedChildren)];
        n._namedChildren = undefined;
        const wasm = [n.typeIdInWasm, n.endIndexInWasm, n.endPositionInWasm, seen(n.namedChildrenInWasm)];
        assert.deepEqual(memory, wasm, `${n.type} at ${n.startIndex}`);
        if (n.childCount > 0) {
          for (let field = 0; field < fields; field++) {
            assert.deepEqual(seen([n.childForFieldId(field)]), seen([n.childForFieldIdInWasm(field)]), `${n.type} at ${n.startIndex}, field ${n.tree.language.fields[field]}`);
          }
        }
        for (const child of n.children) if (child) stack.push(child as MemoryReads);
      }
    };
    // The dispatch's list, names of anonymous nodes and keywords, ERROR, and names tree-sitter-python aliases.
    const LISTS = [
      ['assignment', 'call', 'class_definition', 'comparison_operator', 'decorated_definition', 'except_clause', 'for_statement', 'function_definition', 'lambda', 'return_statement', 'string', 'block'],
      ['identifier', '(', ')', ':', 'def', 'type', 'ERROR', 'as_pattern_target', 'list_splat_pattern', 'keyword_identifier', 'string_start', 'comment'],
    ];

    it('does not fall back to the walk inside WebAssembly for the Python grammar', async () => {
      const tree = (await testParser()).parse('x = f(1)\n')!;
      const prototype = Object.getPrototypeOf(tree.rootNode) as Walk;
      const original = prototype.descendantsOfTypeInWasm;
      let calls = 0;
      prototype.descendantsOfTypeInWasm = function (this: Walk, ...args) {
        calls++;
        return original.apply(this, args);
      };
      try {
        assert.deepEqual(tree.rootNode.descendantsOfType(['call', 'integer']).map((n) => n?.text), ['f(1)', '1']);
        assert.equal(calls, 0);
      } finally {
        prototype.descendantsOfTypeInWasm = original;
        tree.delete();
      }
    });

    it('in written cases: aliases, extras, errors, a wide character, CRLF and ranges', async () => {
      const parser = await testParser();
      const texts = [
        'def f(a, *b, **c):\n    # note\n    return [x for x in a if x]\n',
        'match p:\n    case [a, *rest] | {"k": a} as whole:\n        print(f"{a!r:>{w}}")\n',
        'class C(B, metaclass=M):\r\n    x: int = 1  # 😀 é\r\n    def m(self): return lambda y=1: y\r\n',
        'def f(:\n    return (1, \n x = [\n',
        'print >>sys.stderr, "x"\nexec "code"\nif True:\n\tpass\n',
      ];
      for (const text of texts) {
        const tree = parser.parse(text)!;
        sameReads(tree.rootNode);
        for (const types of LISTS) {
          same(tree.rootNode, types);
          for (const child of tree.rootNode.namedChildren) if (child) same(child, types);
          same(tree.rootNode, types, { row: 0, column: 4 }, { row: 1, column: 6 });
          same(tree.rootNode, types, { row: 1, column: 0 }, { row: 0, column: 0 });
        }
        tree.delete();
      }
    });

    for (const corpus of corpora().found) {
      const everything = process.env.PYTHONIC_GLUE_WALK_ALL === '1';
      it(`on every top-level statement and class gap of ${corpus.name} (${everything ? 'every file' : 'one file in 8'})`, async () => {
        const parser = await testParser();
        const files = corpusFiles(corpus, everything ? 1 : 8);
        assert.ok(files.length > 50, `only ${files.length} files`);
        for (const file of files) {
          let text: string;
          try {
            text = readSource(file);
          } catch {
            continue; // a coding declaration Python does not know either
          }
          const tree = parser.parse(text)!;
          for (const statement of tree.rootNode.namedChildren) {
            if (!statement) continue;
            sameReads(statement);
            for (const types of LISTS) same(statement, types);
            // A class's body from its second member on, as the dispatch asks for the gaps between methods.
            const members = statement.type === 'class_definition' ? statement.childForFieldName('body')?.namedChildren ?? [] : [];
            if (members.length > 1) same(statement, LISTS[0], members[1]!.startPosition, members[members.length - 1]!.startPosition);
          }
          tree.delete();
        }
      });
    }
  });
});
