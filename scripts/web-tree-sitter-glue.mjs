// Build-time rewrite of web-tree-sitter's JavaScript glue, applied by scripts/build.mjs to
// every bundle. The engine asks the tree for node types, children and fields hundreds of
// thousands of times per batch run, and each answer crosses into WebAssembly through two
// slow spots of the glue (not of the parser itself):
//
// - `Node` declares its properties as class fields (`[0] = 0; _children; id; ...`). V8
//   defines class fields one by one, with the semantics of `Object.defineProperty`, which
//   costs far more than plain assignments; a `Node` is created for every child, capture
//   and field a caller asks for. The rewrite assigns the same properties, in the same
//   order, in the constructor. And the node's handle kept under the index `0` gets a name
//   (`_other`): an indexed property makes V8 allocate a separate elements store for every
//   node, and only `marshalNode` reads it.
//   The start position is kept as two numbers (`_row`, `_column`) rather than a `{ row,
//   column }` object made for every node: `startPosition` builds one when asked (most
//   nodes are never asked), and `marshalNode` reads the numbers.
// - Node handles and counts go through emscripten's generic `getValue(ptr, "i32")` /
//   `setValue(ptr, v, "i32")`, which look at the type string on every call and then go
//   through a DataView. On a little-endian host (what WebAssembly memory is) the rewrite
//   reads and writes the `HEAP32` view directly; emscripten's own "i32" path also
//   rounds the address down to a multiple of 4, as `>> 2` does. A big-endian host keeps
//   the original calls.
// - `descendantsOfType` looks its type names up among all of the grammar's symbols and
//   copies the ids into freshly allocated WebAssembly memory on every call: some 6,000
//   string comparisons, a malloc and a free, paid per call. The engine's dispatch calls it
//   once per unit of analysis (tens of thousands of times per batch run), always with the
//   same names; the rewrite keeps the copied ids per language and list of names (a few
//   lists in all, never freed) and reuses them.
// - `childForFieldName` and `childrenForFieldName` find the field's id with `indexOf` in
//   the grammar's list of field names, comparing strings one by one on every call; the
//   rewrite looks the id up in a map made once per language.
// - `descendantsOfType` walked the tree inside WebAssembly with a tree cursor, some 140 ns
//   per node (the engine's dispatch walks every node of every unit once). The rewrite walks
//   the parser's own memory from JavaScript instead: the subtrees' layout (inline leaves,
//   heap nodes with their children before them, padding and size, alias sequences, the
//   public symbol map) as tree-sitter's C code reads it, and the same order, range checks
//   and nodes as the cursor walk. The original stays as `descendantsOfTypeInWasm`, which
//   the walk falls back to when a language's layout does not check out (its counts, read
//   from memory, must equal what the API says), and which test/web-tree-sitter-glue.test.ts
//   compares it with over both corpora. A node with a single child passes the walk straight
//   on to that child, without a frame of its own: 3.5 M of the 7.6 M inner nodes of the
//   standard library's trees are such hidden wrappers, and the walk is ~8% faster for it.
// - The node questions the engine asks most are read from the same memory: `typeId` (kept
//   in the node; the walk already knows it), `endIndex` and `endPosition` (the start plus
//   the subtree's size), `namedChildren` (the walk, stopping at visible nodes) and
//   `childForFieldId` (a port of `ts_node_child_by_field_id` over the field maps; the last
//   answer is kept in the node, as rules handed the same node ask for the same field). Each
//   original stays under an `...InWasm` name as the fallback, and the test compares every
//   node's answers with it.
//
// - \`type\` read the name of an error node (symbol 65535) past the end of the language's
//   list of names; the first such read makes V8 throw away the optimized code of every
//   function that inlined the getter. The rewrite checks the bound first.
// - The parser reads the text it parses through a callback that copies it into
//   WebAssembly memory, 5,000 characters at a time. emscripten's \`stringToUTF16\` stores
//   each character with a call through a DataView, some 6 ns a character. On a
//   little-endian host the rewrite has Node's \`Buffer.write\` copy the UTF-16 code units
//   (lone surrogates too) into the same memory, some 0.2 ns a character; without \`Buffer\`
//   (a browser) it stores them into the \`HEAPU16\` view.
//
// Every rewrite must find exactly the text it expects: a new web-tree-sitter version
// that changed it fails the build here instead of silently losing the speed.

/** The start of `Node`'s constructor, the same before and after the rewrite. */
const CONSTRUCTOR_HEAD = `  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
`;

/** The `Node` class fields, as web-tree-sitter declares them before its constructor, and the constructor. */
const NODE_FIELDS_AND_CONSTRUCTOR = `  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
${CONSTRUCTOR_HEAD}    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }`;

/**
 * The same properties assigned in the order the fields defined them (`_other`, was `[0]`;
 * `_children`, ..., `tree`), the start position as two numbers, and `startPosition` made
 * from them when read (and stored into them when `edit` moves the node). The constructor
 * takes its values as arguments, not as an object: V8 allocated that object for each of
 * the 2.8 million nodes of a batch run over the standard library.
 */
const NODE_CONSTRUCTOR = `  constructor(internal, id, tree, startIndex, row, column, other, typeId = -1) {
    assertInternal(internal);
    this._other = other;
    this._children = void 0;
    this._namedChildren = void 0;
    this.id = id;
    this.startIndex = startIndex;
    this._row = row;
    this._column = column;
    this.tree = tree;
    this._typeId = typeId;
    this._fieldId = -1;
    this._fieldChild = null;
  }
  get startPosition() {
    return { row: this._row, column: this._column };
  }
  set startPosition(point) {
    this._row = point.row;
    this._column = point.column;
  }`;

/** `unmarshalNode`'s construction of a node, which made the position object. */
const UNMARSHAL_NEW_NODE = `  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });`;
const UNMARSHAL_NEW_NODE_NUMBERS = `  const result = new Node(INTERNAL, id, tree, index, row, column, other);`;

/** `marshalNode`'s reads of the start position. */
const MARSHAL_POSITION = `  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");`;
const MARSHAL_POSITION_NUMBERS = `  C.setValue(address, node._row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node._column, "i32");`;

/** How `childForFieldName` and `childrenForFieldName` find a field's id. */
const FIELD_ID_LOOKUP = 'const fieldId = this.tree.language.fields.indexOf(fieldName);';
const FIELD_ID_MAPPED = 'const fieldId = fieldIdOf(this.tree.language, fieldName);';

/**
 * \`original\` (members of \`Node\`, as web-tree-sitter writes them) with each of \`names\`
 * renamed \`<name>InWasm\`: the fallback a rewrite that reads memory keeps, word for word.
 */
function keptInWasm(original, names) {
  let out = original;
  for (const name of names) {
    const renamed = out.replace(new RegExp(`^(  (?:get )?)${name}\\(`, 'm'), `$1${name}InWasm(`);
    if (renamed === out) throw new Error(`web-tree-sitter glue: \`${name}\` not found to keep`);
    out = renamed;
  }
  return out;
}

/** The getters that ask WebAssembly for a node's type, end and end position. */
const TYPE_ID_GETTER = `  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }`;
/** \`type\` looks the type id up in the language's list of names; the error symbol (65535) is past its end. */
const TYPE_GETTER = `  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }`;
/** The same answer without reading past the end of the list, which makes V8 discard the optimized code of every caller that inlined the getter. */
const TYPE_GETTER_IN_BOUNDS = `  get type() {
    const types = this.tree.language.types;
    const id = this.typeId;
    return id < types.length ? types[id] || "ERROR" : "ERROR";
  }`;
const END_GETTERS = `  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }`;
/**
 * The same answers read from the tree's memory (see \`walkDescendants\` for the layout), the
 * type kept in the node once known (a node's symbol and alias never change); WebAssembly
 * answers when the language's layout does not check out.
 */
const TYPE_ID_FROM_MEMORY = `  get typeId() {
    let symbol = this._typeId;
    if (symbol === -1) {
      const layout = walkLayoutOf(this.tree.language);
      symbol = this._typeId = layout ? publicSymbolOf(this.id, this._other, layout) : this.typeIdInWasm;
    }
    return symbol;
  }
${keptInWasm(TYPE_ID_GETTER, ['typeId'])}`;
const END_FROM_MEMORY = `  get endIndex() {
    if (!walkLayoutOf(this.tree.language)) return this.endIndexInWasm;
    const slot = this.id;
    return this.startIndex + (((C.HEAPU8[slot] & 1) === 1 ? C.HEAPU8[slot + 7] : C.HEAP32[(C.HEAP32[slot >> 2] >> 2) + 4]) >> 1);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    if (!walkLayoutOf(this.tree.language)) return this.endPositionInWasm;
    const slot = this.id;
    if ((C.HEAPU8[slot] & 1) === 1) return { row: this._row, column: this._column + (C.HEAPU8[slot + 7] >> 1) };
    const words = C.HEAP32[slot >> 2] >> 2;
    const rows = C.HEAP32[words + 5];
    const columns = C.HEAP32[words + 6] >> 1;
    return rows > 0 ? { row: this._row + rows, column: columns } : { row: this._row, column: this._column + columns };
  }
${keptInWasm(END_GETTERS, ['endIndex', 'endPosition'])}`;

/** \`childForFieldId\`, which asks WebAssembly every time. */
const CHILD_FOR_FIELD_ID = `  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }`;
/**
 * The same, keeping the last answer in the node: the rules handed one node ask it for the
 * same field one after the other (each \`call\` for its \`function\`), and a node's children
 * never change (web-tree-sitter keeps \`children\` the same way).
 */
const CHILD_FOR_FIELD_ID_KEPT = `  childForFieldId(fieldId) {
    if (fieldId === this._fieldId) return this._fieldChild;
    const layout = walkLayoutOf(this.tree.language);
    const child = layout ? childForField(this, layout, fieldId) : this.childForFieldIdInWasm(fieldId);
    this._fieldId = fieldId;
    this._fieldChild = child;
    return child;
  }
${keptInWasm(CHILD_FOR_FIELD_ID, ['childForFieldId'])}`;

/** \`namedChildren\`, asked of WebAssembly (through a tree cursor there). */
const NAMED_CHILDREN = `  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);`;
/** The same list from the walk over the tree's memory (see \`walkDescendants\`), else from WebAssembly. */
const NAMED_CHILDREN_FROM_MEMORY = `  get namedChildren() {
    if (!this._namedChildren) {
      const layout = walkLayoutOf(this.tree.language);
      if (layout) this._namedChildren = walkDescendants(this, layout, null, ZERO_POINT, ZERO_POINT, true);
    }
    // The list kept, or WebAssembly's when the language's layout does not check out.
    return this.namedChildrenInWasm;
  }
${keptInWasm(NAMED_CHILDREN, ['namedChildren'])}`;

/** The one read of the node's handle under the index `0`. */
const MARSHAL_HANDLE = 'C.setValue(address, node[0], "i32");';

/** The field declarations after the constructor, now assigned in it. */
const LATER_NODE_FIELDS = /^ {2}(id|startIndex|startPosition|tree);\n/gm;

const MODULE_HANDLE = 'var C;\n';

/** The look-up and copy of the symbol ids at the start of `descendantsOfType`, and its free at the end. */
const DESCENDANTS_SYMBOLS = `    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    if (types.includes("ERROR")) {
      symbols.push(65535);
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
`;
/** The same, run once per language and list of names: the look-up and copy above, indented into the miss branch. */
const DESCENDANTS_SYMBOLS_CACHED = `    const language = this.tree.language;
    const key = types.join(" ");
    let byLanguage = DESCENDANT_SYMBOLS.get(language);
    if (!byLanguage) DESCENDANT_SYMBOLS.set(language, byLanguage = new Map());
    let known = byLanguage.get(key);
    if (!known) {
${DESCENDANTS_SYMBOLS.replace(/^(?=.)/gm, '  ')}      known = { address: symbolsAddress, count: symbols.length };
      byLanguage.set(key, known);
    }
    const symbols = { length: known.count };
    const symbolsAddress = known.address;
`;
/** The head of `descendantsOfType`; the rewrite puts the walk in front of it and keeps it under another name. */
const DESCENDANTS_HEAD = `  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
`;
const DESCENDANTS_WALK = `  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const layout = walkLayoutOf(this.tree.language);
    if (layout) return walkDescendants(this, layout, wantedSymbols(layout, this.tree.language, types), startPosition, endPosition);
    return this.descendantsOfTypeInWasm(types, startPosition, endPosition);
  }
  /** The original: the walk inside WebAssembly. */
${keptInWasm(DESCENDANTS_HEAD, ['descendantsOfType'])}`;
const DESCENDANTS_FREE = `    C._free(descendantAddress);
    C._free(symbolsAddress);
`;

const I32_HELPERS = `var C;
var DESCENDANT_SYMBOLS = new WeakMap();
var FIELD_IDS = new WeakMap();
var LAST_FIELDS_LANGUAGE = null, LAST_FIELD_IDS = null;
function fieldIdOf(language, name) {
  if (language === LAST_FIELDS_LANGUAGE) return LAST_FIELD_IDS.get(name) ?? -1;
  let ids = FIELD_IDS.get(language);
  if (!ids) {
    ids = new Map();
    language.fields.forEach((field, id) => {
      if (!ids.has(field)) ids.set(field, id);
    });
    FIELD_IDS.set(language, ids);
  }
  LAST_FIELDS_LANGUAGE = language;
  LAST_FIELD_IDS = ids;
  return ids.get(name) ?? -1;
}
var GLUE_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
function getI32(address) {
  return GLUE_LITTLE_ENDIAN ? C.HEAP32[address >> 2] : C.getValue(address, "i32");
}
function setI32(address, value) {
  if (GLUE_LITTLE_ENDIAN) C.HEAP32[address >> 2] = value;
  else C.setValue(address, value, "i32");
}
var WALK_LAYOUTS = new WeakMap();
var LAST_LANGUAGE = null, LAST_LAYOUT = null;
/** Where the walk finds a language's symbol metadata, public symbol map and alias sequences; null when the memory does not match the API (then the walk is not used). */
function walkLayoutOf(language) {
  if (language === LAST_LANGUAGE) return LAST_LAYOUT;
  let layout = WALK_LAYOUTS.get(language);
  if (layout !== void 0) {
    LAST_LANGUAGE = language;
    LAST_LAYOUT = layout;
    return layout;
  }
  layout = null;
  if (GLUE_LITTLE_ENDIAN) {
    // struct TSLanguage (ABI 15): nine uint32 counts, a uint16, then pointers from byte 40.
    const address = language[0];
    const U32 = C.HEAPU32;
    const abi = U32[address >> 2];
    const symbolCount = U32[address + 4 >> 2];
    const aliasCount = U32[address + 8 >> 2];
    const fieldCount = U32[address + 32 >> 2];
    if ((abi === 14 || abi === 15) && symbolCount + aliasCount === language.types.length && fieldCount === language.fields.length - 1) {
      layout = {
        fieldSlices: U32[address + 64 >> 2],
        fieldEntries: U32[address + 68 >> 2],
        metadata: U32[address + 72 >> 2],
        publicMap: U32[address + 76 >> 2],
        aliasSequences: U32[address + 84 >> 2],
        maxAliasLength: C.HEAPU16[address + 36 >> 1],
        wanted: new Map(),
        byList: new WeakMap()
      };
      // Each symbol's metadata (visible, named, supertype: three bytes) must be what the API
      // says, which calls a symbol named only when it is also visible.
      for (let symbol = 0; symbol < symbolCount + aliasCount && layout; symbol++) {
        const visible = C.HEAPU8[layout.metadata + 3 * symbol] !== 0;
        const named = C.HEAPU8[layout.metadata + 3 * symbol + 1] !== 0;
        if (visible !== language.nodeTypeIsVisible(symbol) || (visible && named) !== language.nodeTypeIsNamed(symbol)) layout = null;
      }
    }
  }
  WALK_LAYOUTS.set(language, layout);
  LAST_LANGUAGE = language;
  LAST_LAYOUT = layout;
  return layout;
}
/**
 * A subtree's children as \`ts_node_child_iterator_next\` visits them: each child's slot,
 * start (bytes, row, column in bytes), alias (none for an extra) and structural index.
 */
function ChildIterator() {
  this.first = 0;
  this.count = 0;
  this.index = 0;
  this.sequence = -1;
  this.structural = 0;
  this.bytes = 0;
  this.row = 0;
  this.column = 0;
  // The child just visited.
  this.slot = 0;
  this.childBytes = 0;
  this.childRow = 0;
  this.childColumn = 0;
  this.alias = 0;
  this.extra = false;
}
/** Starts over on the children of the heap subtree at \`slot\`, which starts at (bytes, row, column). */
ChildIterator.prototype.reset = function(slot, bytes, row, column, layout) {
  const pointer = C.HEAP32[slot >> 2];
  const count = C.HEAP32[(pointer >> 2) + 9];
  const production = C.HEAPU16[pointer + 66 >> 1];
  this.first = pointer - 8 * count;
  this.count = count;
  this.index = 0;
  this.sequence = production === 0 ? -1 : (layout.aliasSequences >> 1) + production * layout.maxAliasLength;
  this.structural = 0;
  this.bytes = bytes;
  this.row = row;
  this.column = column;
  return this;
};
/**
 * One iterator per depth of the field look-up's recursion, reused from call to call: the
 * look-ups run a million times per batch run, and an iterator made for each was a fifth of
 * everything the analysis allocated.
 */
var CHILD_ITERATORS = [];
function childIteratorAt(depth) {
  return CHILD_ITERATORS[depth] ??= new ChildIterator();
}
ChildIterator.prototype.next = function() {
  if (this.index === this.count) return false;
  const H8 = C.HEAPU8, H32 = C.HEAP32;
  const slot = this.slot = this.first + 8 * this.index;
  const inline = (H8[slot] & 1) === 1;
  const words = inline ? 0 : H32[slot >> 2] >> 2;
  if (this.index > 0) {
    // Length addition: the child's padding.
    const rows = inline ? H8[slot + 5] & 15 : H32[words + 2];
    this.bytes += inline ? H8[slot + 6] : H32[words + 1];
    if (rows > 0) {
      this.row += rows;
      this.column = inline ? H8[slot + 4] : H32[words + 3];
    } else this.column += inline ? H8[slot + 4] : H32[words + 3];
  }
  this.extra = subtreeExtra(slot);
  this.alias = 0;
  if (!this.extra) {
    if (this.sequence >= 0) this.alias = C.HEAPU16[this.sequence + this.structural];
    this.structural++;
  }
  this.childBytes = this.bytes;
  this.childRow = this.row;
  this.childColumn = this.column;
  // And its size.
  const sizeRows = inline ? 0 : H32[words + 5];
  this.bytes += inline ? H8[slot + 7] : H32[words + 4];
  if (sizeRows > 0) {
    this.row += sizeRows;
    this.column = H32[words + 6];
  } else this.column += inline ? H8[slot + 7] : H32[words + 6];
  this.index++;
  return true;
};
/** Whether the subtree at \`slot\` is visible (inline bit 1, heap flags bit 0). */
function subtreeVisible(slot) {
  const head = C.HEAPU8[slot];
  return ((head & 1) === 1 ? head & 2 : C.HEAPU8[C.HEAP32[slot >> 2] + 44] & 1) !== 0;
}
/** Whether the subtree at \`slot\` is an extra (inline bit 3, heap flags bit 2): it takes no place in its parent's alias sequence. */
function subtreeExtra(slot) {
  const head = C.HEAPU8[slot];
  return ((head & 1) === 1 ? head & 8 : C.HEAPU8[C.HEAP32[slot >> 2] + 44] & 4) !== 0;
}
/** \`ts_node_child_count\`: a heap subtree's visible children (hidden ones count theirs), else none. */
function visibleChildCount(slot) {
  if ((C.HEAPU8[slot] & 1) === 1) return 0;
  const words = C.HEAP32[slot >> 2] >> 2;
  return C.HEAP32[words + 9] === 0 ? 0 : C.HEAP32[words + 12];
}
function childNode(tree, it) {
  return new Node(INTERNAL, it.slot, tree, it.childBytes >> 1, it.childRow, it.childColumn >> 1, it.alias);
}
/** \`ts_node__child(node, 0, true)\`: the first visible child, looking through hidden ones. */
function firstVisibleChild(tree, slot, bytes, row, column, layout, depth) {
  const it = childIteratorAt(depth).reset(slot, bytes, row, column, layout);
  for (; ; ) {
    let descended = false;
    while (it.next()) {
      if (subtreeVisible(it.slot) || it.alias !== 0) return childNode(tree, it);
      if (visibleChildCount(it.slot) > 0) {
        // Down into the hidden child: its children replace the rest of these.
        it.reset(it.slot, it.childBytes, it.childRow, it.childColumn, layout);
        descended = true;
        break;
      }
    }
    if (!descended) return null;
  }
}
/**
 * \`ts_node_child_by_field_id\` over the tree's memory: the production's field map (slices of
 * two uint16 at offset 64 of the language, entries of field id uint16, child index uint8 and
 * inherited bool at 68), hidden children's fields inherited, as the C code does.
 */
function childForField(node, layout, fieldId, depth = 0) {
  const tree = node.tree;
  let slot = node.id, bytes = node.startIndex << 1, row = node._row, column = node._column << 1;
  recur: for (;;) {
    if (fieldId === 0 || visibleChildCount(slot) === 0) return null;
    const production = C.HEAPU16[C.HEAP32[slot >> 2] + 66 >> 1];
    const slice = layout.fieldSlices + 4 * production;
    let entry = layout.fieldEntries + 4 * C.HEAPU16[slice >> 1];
    let end = entry + 4 * C.HEAPU16[slice + 2 >> 1];
    if (entry === end) return null;
    while (C.HEAPU16[entry >> 1] < fieldId) {
      entry += 4;
      if (entry === end) return null;
    }
    while (C.HEAPU16[end - 4 >> 1] > fieldId) {
      end -= 4;
      if (entry === end) return null;
    }
    const it = childIteratorAt(depth).reset(slot, bytes, row, column, layout);
    while (it.next()) {
      if (it.extra) continue;
      if (it.structural - 1 < C.HEAPU8[entry + 2]) continue;
      if (C.HEAPU8[entry + 3] !== 0) {
        // An inherited field: the hidden child holds it.
        if (entry + 4 === end) {
          slot = it.slot;
          bytes = it.childBytes;
          row = it.childRow;
          column = it.childColumn;
          continue recur;
        }
        const found = childForField(childNode(tree, it), layout, fieldId, depth + 1);
        if (found) return found;
        entry += 4;
        if (entry === end) return null;
      } else if (subtreeVisible(it.slot) || it.alias !== 0) {
        return childNode(tree, it);
      } else if (visibleChildCount(it.slot) > 0) {
        return firstVisibleChild(tree, it.slot, it.childBytes, it.childRow, it.childColumn, layout, depth + 1);
      } else {
        entry += 4;
        if (entry === end) return null;
      }
    }
    return null;
  }
}
/** \`ts_node_symbol\`: the node's alias, else its subtree's symbol, as the public symbol (ERROR stays 65535). */
function publicSymbolOf(slot, alias, layout) {
  let symbol = alias;
  if (symbol === 0) symbol = (C.HEAPU8[slot] & 1) === 1 ? C.HEAPU8[slot + 1] : C.HEAPU16[C.HEAP32[slot >> 2] + 40 >> 1];
  return symbol === 65535 ? 65535 : C.HEAPU16[(layout.publicMap >> 1) + symbol];
}
/**
 * The symbols the names stand for, as a table indexed by public symbol (ERROR is 65535),
 * made once per list of names; found by the list itself first (callers that walk often
 * pass the same array every time, and none changes a list it passed), else by its names joined.
 */
function wantedSymbols(layout, language, types) {
  let wanted = layout.byList.get(types);
  if (wanted) return wanted;
  const key = types.join(" ");
  wanted = layout.wanted.get(key);
  if (!wanted) {
    wanted = new Uint8Array(65536);
    language.types.forEach((name, symbol) => {
      if (types.includes(name)) wanted[symbol] = 1;
    });
    if (types.includes("ERROR")) wanted[65535] = 1;
    layout.wanted.set(key, wanted);
  }
  layout.byList.set(types, wanted);
  return wanted;
}
/** The walk's stack: 8 numbers per subtree whose children wait to be walked (see walkDescendants). Grown when needed, never shrunk. */
var WALK_FRAMES = new Int32Array(8 * 256);
/**
 * \`descendantsOfType\` by reading the tree's memory: a depth-first walk over the subtrees
 * (hidden ones are passed through, as the cursor does), keeping each node's start as
 * tree-sitter does (bytes, row, column in bytes) and its alias from its parent's alias
 * sequence. Subtree layout (32-bit WebAssembly): 8 bytes, either inline leaf data (bit 0 of
 * byte 0 set: bits visible 1, extra 3; symbol byte 1; padding columns 4, rows 5 (low 4
 * bits), bytes 6; size bytes 7) or a pointer to heap data (padding at 4, size at 16, each
 * bytes/row/column; child count at 36; symbol at 40; flags at 44: visible bit 0, extra bit 2;
 * production id at 66), whose children are the subtrees just before it.
 * With \`namedChildren\`, the node's named children instead (\`wanted\` and the range unused):
 * the walk then stops at each visible node below the root, as the cursor of
 * \`ts_node_named_children_wasm\` does; a node is named by its alias's metadata, else by its
 * subtree's bit (inline bit 2, heap flags bit 1).
 */
function walkDescendants(node, layout, wanted, startPosition, endPosition, namedChildren = false) {
  const H8 = C.HEAPU8, H16 = C.HEAPU16, H32 = C.HEAP32;
  const tree = node.tree;
  const publicMap = layout.publicMap >> 1;
  const aliasSequences = layout.aliasSequences >> 1;
  const maxAlias = layout.maxAliasLength;
  const fromRow = startPosition.row, fromColumn = startPosition.column << 1;
  const bounded = endPosition.row !== 0 || endPosition.column !== 0;
  const toRow = endPosition.row, toColumn = endPosition.column << 1;
  const found = [];
  // The subtree whose children are being walked (the frame) is kept in locals: the address
  // of its first child, its child count, the index of the next child, its alias sequence (a
  // HEAPU16 index, or -1) and the count of non-extra children passed; and where the next
  // child starts before its padding (bytes, row, column). The frames of its ancestors wait
  // on the stack, 8 numbers each, with where their next child starts.
  let frames = WALK_FRAMES;
  let top = -8;
  let inFrame = false;
  let first = 0, count = 0, index = 0, sequence = -1, structural = 0, nextBytes = 0, nextRow = 0, nextColumn = 0;
  let slot = node.id, bytes = node.startIndex << 1, row = node._row, column = node._column << 1;
  let alias = subtreeExtra(slot) ? 0 : node._other;
  let root = true;
  for (; ; ) {
    const head = H8[slot];
    let visible, symbol, sizeBytes, sizeRow, sizeColumn, pointer = 0, childCount = 0;
    if ((head & 1) === 1) {
      visible = (head & 2) !== 0;
      symbol = H8[slot + 1];
      sizeBytes = H8[slot + 7];
      sizeRow = 0;
      sizeColumn = sizeBytes;
    } else {
      pointer = H32[slot >> 2];
      const words = pointer >> 2;
      visible = (H8[pointer + 44] & 1) !== 0;
      symbol = H16[pointer + 40 >> 1];
      sizeBytes = H32[words + 4];
      sizeRow = H32[words + 5];
      sizeColumn = H32[words + 6];
      childCount = H32[words + 9];
    }
    const endRow = row + sizeRow;
    const endColumn = sizeRow > 0 ? sizeColumn : column + sizeColumn;
    // The named-children walk has no range (zero-width nodes at the start count too).
    const before = !namedChildren && (endRow < fromRow || endRow === fromRow && endColumn <= fromColumn);
    if ((visible || alias !== 0) && !before && (!namedChildren || !root)) {
      if (bounded && (toRow < row || toRow === row && toColumn <= column)) break;
      const own = alias !== 0 ? alias : symbol;
      const typeId = own === 65535 ? 65535 : H16[publicMap + own];
      const keep = namedChildren
        ? (alias !== 0 ? H8[layout.metadata + 3 * alias + 1] : (head & 1) === 1 ? head & 4 : H8[pointer + 44] & 2) !== 0
        : wanted[typeId] === 1;
      if (keep) found.push(new Node(INTERNAL, slot, tree, bytes >> 1, row, column >> 1, alias, typeId));
      // Below the root, the named-children walk stops at a visible node: a hidden one is passed through.
      if (namedChildren) childCount = 0;
    }
    root = false;
    if (childCount === 1 && !before) {
      // One child (most often a hidden wrapper, such as an expression around a name): it
      // starts and ends where this node does, and nothing follows it here, so the walk
      // goes on with the child itself, in the same frame, without one of its own.
      const production = H16[pointer + 66 >> 1];
      slot = pointer - 8;
      alias = production !== 0 && !subtreeExtra(slot) ? H16[aliasSequences + production * maxAlias] : 0;
      continue;
    }
    if (childCount > 0 && !before) {
      if (inFrame) {
        top += 8;
        if (top + 8 > frames.length) {
          const grown = new Int32Array(frames.length * 2);
          grown.set(frames);
          frames = WALK_FRAMES = grown;
        }
        frames[top] = first;
        frames[top + 1] = count;
        frames[top + 2] = index;
        frames[top + 3] = sequence;
        frames[top + 4] = structural;
        frames[top + 5] = bytes + sizeBytes;
        frames[top + 6] = endRow;
        frames[top + 7] = endColumn;
      }
      inFrame = true;
      const production = H16[pointer + 66 >> 1];
      first = pointer - 8 * childCount;
      count = childCount;
      index = 0;
      sequence = production === 0 ? -1 : aliasSequences + production * maxAlias;
      structural = 0;
      nextBytes = bytes;
      nextRow = row;
      nextColumn = column;
    } else {
      nextBytes = bytes + sizeBytes;
      nextRow = endRow;
      nextColumn = endColumn;
    }
    // Back up to the innermost frame with a child left.
    if (!inFrame) break;
    while (index === count && top >= 0) {
      first = frames[top];
      count = frames[top + 1];
      index = frames[top + 2];
      sequence = frames[top + 3];
      structural = frames[top + 4];
      nextBytes = frames[top + 5];
      nextRow = frames[top + 6];
      nextColumn = frames[top + 7];
      top -= 8;
    }
    if (index === count) break;
    // Its next child: past the previous one and this one's padding (the first child starts
    // where its parent does), with its alias (none for an extra, which takes no place in the
    // sequence). This is ChildIterator.next and subtreeExtra written out: it runs for every
    // subtree the walk passes, the walk's hottest lines.
    slot = first + 8 * index;
    const childHead = H8[slot];
    let extra;
    if ((childHead & 1) === 1) {
      if (index > 0) {
        nextBytes += H8[slot + 6];
        const paddingRow = H8[slot + 5] & 15;
        if (paddingRow > 0) {
          nextRow += paddingRow;
          nextColumn = H8[slot + 4];
        } else {
          nextColumn += H8[slot + 4];
        }
      }
      extra = childHead & 8;
    } else {
      const childPointer = H32[slot >> 2];
      if (index > 0) {
        const words = childPointer >> 2;
        nextBytes += H32[words + 1];
        const paddingRow = H32[words + 2];
        if (paddingRow > 0) {
          nextRow += paddingRow;
          nextColumn = H32[words + 3];
        } else {
          nextColumn += H32[words + 3];
        }
      }
      extra = H8[childPointer + 44] & 4;
    }
    index++;
    bytes = nextBytes;
    row = nextRow;
    column = nextColumn;
    alias = 0;
    if (extra === 0) {
      if (sequence >= 0) alias = H16[sequence + structural];
      structural++;
    }
  }
  return found;
}
`;

/** The copy loop of emscripten's \`stringToUTF16\`, and the same copy on a little-endian host (see the header). */
const STRING_TO_UTF16_LOOP = `          for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
            var codeUnit = str.charCodeAt(i2);
            LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
            outPtr += 2;
          }
`;
const STRING_TO_UTF16_DIRECT = `          if (GLUE_LITTLE_ENDIAN) {
            var bytes = 2 * numCharsToWrite;
            if (typeof Buffer !== "function" || Buffer.from(HEAPU8.buffer, outPtr, bytes).write(str, "utf16le") !== bytes) {
              var firstUnit = outPtr >> 1;
              for (var i2 = 0; i2 < numCharsToWrite; ++i2) HEAPU16[firstUnit + i2] = str.charCodeAt(i2);
            }
            outPtr += bytes;
          } else {
${STRING_TO_UTF16_LOOP.replace(/^(?=.)/gm, '  ')}          }
`;

// The arguments are plain expressions without commas (checked: nothing is left over).
const GET_I32 = /C\.getValue\(([^,;()]+), "i32"\)/g;
const SET_I32 = /C\.setValue\(([^,;()]+), ([^,;()]+), "i32"\)/g;

function replaceOnce(source, find, replacement, what) {
  const at = source.indexOf(find);
  if (at < 0 || source.indexOf(find, at + 1) >= 0) throw new Error(`web-tree-sitter glue: ${what} not found exactly once`);
  return source.slice(0, at) + replacement + source.slice(at + find.length);
}

/** The rewritten `web-tree-sitter.cjs` source; throws when the source is not the shape this expects. */
export function rewriteWebTreeSitterGlue(source) {
  let out = replaceOnce(source, NODE_FIELDS_AND_CONSTRUCTOR, NODE_CONSTRUCTOR, 'the Node class fields and constructor');
  const nodeStart = out.indexOf('var Node = class {');
  const nodeEnd = out.indexOf('\n// src/', nodeStart);
  if (nodeStart < 0 || nodeEnd < 0) throw new Error('web-tree-sitter glue: the Node class not found');
  const nodeClass = out.slice(nodeStart, nodeEnd);
  const fields = nodeClass.match(LATER_NODE_FIELDS) ?? [];
  if (fields.length !== 4) throw new Error(`web-tree-sitter glue: expected 4 Node field declarations, found ${fields.length}`);
  out = out.slice(0, nodeStart) + nodeClass.replace(LATER_NODE_FIELDS, '') + out.slice(nodeEnd);
  if ((out.slice(nodeStart).match(/\bnode\[0\]/g) ?? []).length !== 1) throw new Error('web-tree-sitter glue: `node[0]` read elsewhere than in marshalNode');
  out = replaceOnce(out, UNMARSHAL_NEW_NODE, UNMARSHAL_NEW_NODE_NUMBERS, "unmarshalNode's new Node");
  out = replaceOnce(out, MARSHAL_POSITION, MARSHAL_POSITION_NUMBERS, "marshalNode's reads of the start position");
  if ((out.match(/new Node\(/g) ?? []).length !== 1) throw new Error('web-tree-sitter glue: a Node made elsewhere than in unmarshalNode');
  if (out.split(FIELD_ID_LOOKUP).length !== 3) throw new Error('web-tree-sitter glue: the two field-id look-ups not found');
  out = out.split(FIELD_ID_LOOKUP).join(FIELD_ID_MAPPED);
  out = replaceOnce(out, MARSHAL_HANDLE, 'C.setValue(address, node._other, "i32");', 'marshalNode\'s read of the handle');

  out = replaceOnce(out, TYPE_ID_GETTER, TYPE_ID_FROM_MEMORY, "Node's typeId getter");
  out = replaceOnce(out, TYPE_GETTER, TYPE_GETTER_IN_BOUNDS, "Node's type getter");
  out = replaceOnce(out, END_GETTERS, END_FROM_MEMORY, "Node's endIndex and endPosition getters");
  out = replaceOnce(out, CHILD_FOR_FIELD_ID, CHILD_FOR_FIELD_ID_KEPT, "Node's childForFieldId");
  out = replaceOnce(out, NAMED_CHILDREN, NAMED_CHILDREN_FROM_MEMORY, "Node's namedChildren");
  out = replaceOnce(out, DESCENDANTS_HEAD, DESCENDANTS_WALK, "descendantsOfType's head");
  out = replaceOnce(out, DESCENDANTS_SYMBOLS, DESCENDANTS_SYMBOLS_CACHED, "descendantsOfType's symbol look-up");
  out = replaceOnce(out, DESCENDANTS_FREE, '    C._free(descendantAddress);\n', "descendantsOfType's free of the symbols");
  out = replaceOnce(out, STRING_TO_UTF16_LOOP, STRING_TO_UTF16_DIRECT, "stringToUTF16's copy loop");

  const before = out;
  out = out.replace(GET_I32, 'getI32($1)').replace(SET_I32, 'setI32($1, $2)');
  if (out === before) throw new Error('web-tree-sitter glue: no "i32" getValue/setValue calls found');
  const left = out.match(/C\.(?:get|set)Value\([^;]*"i32"\)/g) ?? [];
  if (left.length > 0) throw new Error(`web-tree-sitter glue: ${left.length} "i32" getValue/setValue calls not rewritten`);
  // The helpers go in last: the rewrite above must not turn their fallbacks into calls to themselves.
  return replaceOnce(out, MODULE_HANDLE, I32_HELPERS, 'the module handle `var C;`');
}

/** The esbuild plugin: rewrites web-tree-sitter's CommonJS build as it is bundled. */
export function webTreeSitterGlue(cjsPath) {
  return {
    name: 'web-tree-sitter-glue',
    setup(build) {
      build.onLoad({ filter: /web-tree-sitter\.cjs$/ }, async (args) => {
        if (args.path !== cjsPath) return undefined;
        const { readFile } = await import('node:fs/promises');
        return { contents: rewriteWebTreeSitterGlue(await readFile(args.path, 'utf8')), loader: 'js' };
      });
    },
  };
}
