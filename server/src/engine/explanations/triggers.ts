// Which special methods a builtin call or an operator invokes: `len(x)` ->
// `__len__`, `a + b` -> `__add__`. Data only. A callable with an entry of its
// own lists these under it ("Calls:"); for one without, and for an operator,
// the hover shows the dunder entries themselves.

/** Qualified callable name -> the special methods it calls on its argument (or its items), in the order Python tries them. */
export const CALL_TRIGGERS: Readonly<Record<string, readonly string[]>> = {
  'builtins.len': ['__len__'],
  'builtins.hash': ['__hash__'],
  'builtins.repr': ['__repr__'],
  'builtins.str': ['__str__'],
  'builtins.bytes': ['__bytes__'],
  'builtins.format': ['__format__'],
  'builtins.bool': ['__bool__', '__len__'],
  'builtins.iter': ['__iter__', '__getitem__'],
  'builtins.next': ['__next__'],
  'builtins.reversed': ['__reversed__', '__len__', '__getitem__'],
  'builtins.sorted': ['__lt__'],
  'builtins.print': ['__str__'],
  'builtins.abs': ['__abs__'],
  'builtins.round': ['__round__'],
  'builtins.divmod': ['__divmod__'],
  'builtins.pow': ['__pow__'],
  'builtins.int': ['__int__', '__index__'],
  'builtins.float': ['__float__', '__index__'],
  'builtins.complex': ['__complex__'],
  'builtins.bin': ['__index__'],
  'builtins.hex': ['__index__'],
  'builtins.oct': ['__index__'],
  'builtins.dir': ['__dir__'],
  'builtins.getattr': ['__getattribute__', '__getattr__'],
  'builtins.hasattr': ['__getattribute__', '__getattr__'],
  'builtins.setattr': ['__setattr__'],
  'builtins.delattr': ['__delattr__'],
  'builtins.isinstance': ['__instancecheck__'],
  'builtins.issubclass': ['__subclasscheck__'],
  'builtins.callable': ['__call__'],
  'builtins.vars': ['__dict__'],
  'builtins.aiter': ['__aiter__'],
  'builtins.anext': ['__anext__'],
  'math.trunc': ['__trunc__'],
  'math.floor': ['__floor__'],
  'math.ceil': ['__ceil__'],
  'operator.index': ['__index__'],
  'operator.length_hint': ['__length_hint__'],
  'sys.getsizeof': ['__sizeof__'],
  'os.fspath': ['__fspath__'],
};

/** Binary operator token -> special method (`a + b` -> `__add__`). */
export const BINARY_OPERATOR_TRIGGERS: Readonly<Record<string, string>> = {
  '+': '__add__',
  '-': '__sub__',
  '*': '__mul__',
  '@': '__matmul__',
  '/': '__truediv__',
  '//': '__floordiv__',
  '%': '__mod__',
  '**': '__pow__',
  '<<': '__lshift__',
  '>>': '__rshift__',
  '&': '__and__',
  '^': '__xor__',
  '|': '__or__',
};

/** Augmented assignment token -> special method (`a += b` -> `__iadd__`). */
export const AUGMENTED_ASSIGNMENT_TRIGGERS: Readonly<Record<string, string>> = {
  '+=': '__iadd__',
  '-=': '__isub__',
  '*=': '__imul__',
  '@=': '__imatmul__',
  '/=': '__itruediv__',
  '//=': '__ifloordiv__',
  '%=': '__imod__',
  '**=': '__ipow__',
  '<<=': '__ilshift__',
  '>>=': '__irshift__',
  '&=': '__iand__',
  '^=': '__ixor__',
  '|=': '__ior__',
};

/** Unary operator token -> special method (`-x` -> `__neg__`). */
export const UNARY_OPERATOR_TRIGGERS: Readonly<Record<string, string>> = {
  '-': '__neg__',
  '+': '__pos__',
  '~': '__invert__',
};

/** Comparison operator token -> special method; `is` is a keyword entry of its own. */
export const COMPARISON_TRIGGERS: Readonly<Record<string, string>> = {
  '<': '__lt__',
  '<=': '__le__',
  '==': '__eq__',
  '!=': '__ne__',
  '>': '__gt__',
  '>=': '__ge__',
  in: '__contains__',
  'not in': '__contains__',
};

/** Subscript use -> special method (`x[k]`, `x[k] = v`, `del x[k]`). */
export const SUBSCRIPT_TRIGGERS = { read: '__getitem__', write: '__setitem__', delete: '__delitem__' } as const;
