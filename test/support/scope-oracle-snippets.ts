// Snippets for the scope-hover oracle (test/engine/scope-oracle.test.ts). `$name`
// marks a read to probe: the `$` is removed before the snippet is hovered or run.
// Each snippet runs as its own module; a read that can go several ways at run time
// is exercised on each way (a function called twice), so the oracle sees them all.
export interface OracleSnippet {
  name: string;
  code: string;
}

const lines = (...l: string[]) => l.join('\n') + '\n';

export const ORACLE_SNIPPETS: readonly OracleSnippet[] = [
  // Module level
  { name: 'module global read at module level', code: lines('x = 1', 'print($x)') },
  { name: 'builtin read at module level', code: lines('print($len)') },
  { name: 'builtin shadowed at module level', code: lines('len = 3', 'print($len)') },
  { name: 'module attribute __name__', code: lines('print($__name__)') },
  { name: 'imported module', code: lines('import os.path', 'print($os)') },
  { name: 'conditional module binding', code: lines('import sys', 'if sys.version_info >= (3,):', '    modern = True', 'print($modern)') },
  {
    name: 'function defined in both branches',
    code: lines('import os', 'if os.sep == "/":', '    def helper():', '        return 1', 'else:', '    def helper():', '        return 2', 'print($helper())'),
  },
  { name: 'loop variable after a module-level loop', code: lines('for item in range(3):', '    pass', 'print($item)') },
  { name: 'comprehension variable does not leak', code: lines('[j for j in range(3)]', 'print($j)') },
  { name: 'module-level comprehension loop variable', code: lines('squares = [$i * $i for i in range(3)]') },
  { name: 'walrus in a module-level comprehension', code: lines('words = ["a", "b"]', 'found = [m for s in words if (m := s.upper())]', 'print($m)') },
  { name: 'generator expression: first iterable runs in the module', code: lines('data = [1]', 'g = (d for d in $data)') },
  { name: 'annotated module assignment evaluates its annotation', code: lines('Alias = int', 'value: $Alias = 3') },
  { name: 'match capture at module level', code: lines('command = ["go", "north"]', 'match command:', '    case ["go", direction]:', '        print($direction)') },
  { name: 'module decorator', code: lines('import functools', '@$functools.lru_cache', 'def f():', '    return 1') },
  { name: 'module-level del', code: lines('x = 1', 'del x', 'print($x)') },
  { name: 'module-level del, then bound again', code: lines('x = 1', 'del x', 'x = 2', 'print($x)') },
  { name: 'global assigned only through `global`', code: lines('def setup():', '    global config', '    config = {}', 'setup()', 'print($config)') },
  {
    name: 'module-level except: inside the handler, and after it, with and without an exception',
    code: lines('for fail in (False, True):', '    e = 0', '    try:', '        if fail:', '            raise KeyError', '    except KeyError as e:', '        print($e)', '    print($e)'),
  },
  { name: 'module-level except without an earlier binding', code: lines('try:', '    raise KeyError', 'except KeyError as problem:', '    pass', 'print($problem)') },
  { name: 'lambda default at module level', code: lines('k = 1', 'g = lambda a=$k: a', 'g()') },
  { name: 'class bases', code: lines('class Base:', '    pass', 'class C($Base):', '    pass') },
  // Star imports
  { name: 'star import from math', code: lines('from math import *', 'print($sqrt(4))') },
  { name: 'star import that provides a builtin name', code: lines('from os import *', 'print($open)') },
  { name: 'two star imports', code: lines('from os.path import *', 'from math import *', 'print($sqrt(4), $join)') },
  // Functions
  { name: 'local of a function', code: lines('def f():', '    y = 1', '    return $y', 'f()') },
  { name: 'read before the local assignment', code: lines('count = 0', 'def bump():', '    print($count)', '    count = 1', 'bump()') },
  { name: 'function reads a shadowed builtin global', code: lines('def f():', '    return $len', 'len = 5', 'f()') },
  { name: 'function reads a builtin', code: lines('def f():', '    return $sorted([2, 1])', 'f()') },
  { name: 'from-import read in a function', code: lines('from functools import reduce', 'def f():', '    return $reduce', 'f()') },
  { name: 'import inside a function', code: lines('def f():', '    import json', '    return $json.dumps(1)', 'f()') },
  { name: 'global declaration', code: lines('hits = 0', 'def record():', '    global hits', '    hits = $hits + 1', '    return $hits', 'record()') },
  { name: 'nested function reads a module name', code: lines('limit = 5', 'def outer():', '    def inner():', '        return $limit', '    return inner()', 'outer()') },
  { name: 'closure variable', code: lines('def outer():', '    v = 1', '    def inner():', '        return $v', '    return inner()', 'outer()') },
  {
    name: 'nonlocal',
    code: lines('def outer():', '    n = 0', '    def inc():', '        nonlocal n', '        n += 1', '        return $n', '    return inc()', 'outer()'),
  },
  {
    name: 'free variable read before the enclosing function binds it',
    code: lines('def outer():', '    def inner():', '        return $later', '    try:', '        inner()', '    except NameError:', '        pass', '    later = 1', '    return inner()', 'outer()'),
  },
  { name: 'default value runs in the enclosing function', code: lines('def outer():', '    n = 3', '    def inner(k=$n):', '        return k', '    return inner()', 'outer()') },
  { name: 'parameter annotations run at def time', code: lines('Number = int', 'def f(a: $Number) -> $Number:', '    return a') },
  { name: 'local annotation is not evaluated, the value is', code: lines('def f():', '    x: int = 3', '    return $x', 'f()') },
  { name: 'loop variable after the loop, full and empty', code: lines('def f(xs):', '    for item in xs:', '        pass', '    return $item', 'f([1])', 'f([])') },
  { name: 'bound in one branch only', code: lines('def f(flag):', '    if flag:', '        found = 1', '    return $found', 'f(True)', 'f(False)') },
  {
    name: 'bound late in a loop body, read early in the next iteration',
    code: lines('def f():', '    i = 0', '    while i < 2:', '        if i:', '            print($last)', '        last = i', '        i += 1', 'f()'),
  },
  { name: 'try/finally', code: lines('def f():', '    try:', '        value = 1', '    finally:', '        print($value)', 'f()') },
  { name: 'with ... as, read after the block', code: lines('import contextlib', 'def f():', '    with contextlib.nullcontext(3) as val:', '        pass', '    return $val', 'f()') },
  {
    name: 'match capture in a function',
    code: lines('def f(point):', '    match point:', '        case (x, 0):', '            return $x', '        case _:', '            return None', 'f((1, 0))'),
  },
  { name: 'walrus in a function comprehension binds the function local', code: lines('def f(items):', '    hits = [y for x in items if (y := x * 2)]', '    return $y', 'f([1, 2])') },
  { name: 'del in a function', code: lines('def f(rows):', '    del rows', '    return $rows', 'f(1)') },
  { name: 'del in one branch', code: lines('def f(flag):', '    v = 1', '    if flag:', '        del v', '    return $v', 'f(False)', 'f(True)') },
  { name: 'function reads a module name the module deletes later', code: lines('token = "t"', 'def use():', '    return $token', 'del token', 'use()') },
  { name: 'function called before the module deletes the name', code: lines('token = "t"', 'def use():', '    return $token', 'use()', 'del token') },
  // except ... as
  {
    name: 'except target inside the handler',
    code: lines('def f():', '    try:', '        raise ValueError', '    except ValueError as err:', '        return $err', 'f()'),
  },
  {
    name: 'except target after the handler',
    code: lines('def f():', '    try:', '        raise ValueError', '    except ValueError as err:', '        pass', '    return $err', 'f()'),
  },
  {
    name: 'except target after the handler, with a global of that name',
    code: lines('err = "global"', 'def f():', '    try:', '        raise ValueError', '    except ValueError as err:', '        pass', '    return $err', 'f()'),
  },
  {
    name: 'except target bound again on every path',
    code: lines('def f(x):', '    try:', '        raise ValueError', '    except ValueError as err:', '        pass', '    if x:', '        err = 1', '    else:', '        err = 2', '    return $err', 'f(1)', 'f(0)'),
  },
  {
    name: 'except target after the handler, bound before the try',
    code: lines('def f(fail):', '    err = None', '    try:', '        if fail:', '            raise ValueError', '    except ValueError as err:', '        pass', '    return $err', 'f(False)', 'f(True)'),
  },
  {
    name: 'except target bound again right after',
    code: lines('def f():', '    try:', '        raise ValueError', '    except ValueError as err:', '        pass', '    err = None', '    return $err', 'f()'),
  },
  {
    name: 'except target read by a function defined in the handler',
    code: lines('def f():', '    try:', '        raise ValueError', '    except ValueError as err:', '        def show():', '            return $err', '        return show()', 'f()'),
  },
  // Lambdas and generator expressions
  { name: 'lambda reads the enclosing function', code: lines('def f():', '    base = 10', '    add = lambda x: x + $base', '    return add(1)', 'f()') },
  { name: 'lambdas in a comprehension capture its variable', code: lines('def f():', '    fns = [lambda: $i for i in range(2)]', '    return [g() for g in fns]', 'f()') },
  { name: 'generator expression runs after the local is bound', code: lines('def f():', '    gen = ($z for _ in range(1))', '    z = 5', '    return list(gen)', 'f()') },
  // Class bodies
  { name: 'class attribute read in the class body', code: lines('class C:', '    size = 3', '    double = $size * 2') },
  { name: 'shadowed builtin in a class body', code: lines('class C:', '    id = 5', '    ident = $id') },
  { name: 'method cannot see the class attribute', code: lines('size = 10', 'class C:', '    size = 3', '    def m(self):', '        return $size', 'C().m()') },
  { name: 'class body reads the module name before binding its own', code: lines('v = 1', 'class C:', '    v = $v + 1') },
  { name: 'class-body comprehension element skips the class', code: lines('n = 10', 'class C:', '    n = 2', '    items = [$n for _ in range(1)]') },
  { name: 'class-body comprehension first iterable sees the class', code: lines('class C:', '    items = [1, 2]', '    doubled = [i * 2 for i in $items]') },
  { name: 'class-body comprehension with no module name', code: lines('class C:', '    k = 2', '    vals = [$k for _ in range(1)]') },
  { name: 'lambda in a class body skips the class', code: lines('rate = 1', 'class C:', '    rate = 2', '    get = staticmethod(lambda: $rate)', 'C.get()') },
  { name: 'bare class annotation, then a read', code: lines('x = "module"', 'class P:', '    x: int', '    y = $x') },
  { name: 'class annotation is evaluated', code: lines('Kind = str', 'class P:', '    name: $Kind = "x"') },
  { name: 'method default reads the class attribute', code: lines('class C:', '    size = 3', '    def m(self, s=$size):', '        return s') },
  { name: 'method default reads a module name', code: lines('fallback = 0', 'class C:', '    def m(self, v=$fallback):', '        return v') },
  {
    name: 'method decorator reads the class attribute',
    code: lines('def deco(tag):', '    return lambda f: f', 'class C:', '    tag = "x"', '    @deco($tag)', '    def m(self):', '        pass'),
  },
  { name: 'method annotations read the class attribute', code: lines('class C:', '    Alias = int', '    def m(self, a: $Alias) -> $Alias:', '        return a') },
  { name: 'nested class body skips the outer class', code: lines('tier = "module"', 'class Outer:', '    tier = "outer"', '    class Inner:', '        t = $tier') },
  { name: '__class__ in a method', code: lines('class C:', '    def m(self):', '        return $__class__', 'C().m()') },
  {
    name: 'super() is a builtin',
    code: lines('class B:', '    def m(self):', '        return 1', 'class C(B):', '    def m(self):', '        return $super().m()', 'C().m()'),
  },
  {
    name: 'method reads a variable of the function around the class',
    code: lines('def make():', '    secret = 42', '    class K:', '        def get(self):', '            return $secret', '    return K().get()', 'make()'),
  },
  { name: 'class body reads the enclosing function', code: lines('def make():', '    width = 4', '    class K:', '        w = $width', '    return K.w', 'make()') },
  {
    name: 'class body prefers its own binding over the enclosing function',
    code: lines('def make():', '    width = 4', '    class K:', '        width = 8', '        w = $width', '    return K.w', 'make()'),
  },
  // More corners
  { name: '`global` in a class body', code: lines('x = "module"', 'class C:', '    global x', '    x = "set by class"', '    y = $x') },
  { name: 'module-level comprehension iterable after a del', code: lines('x = [1]', 'del x', '[y for y in $x]') },
  { name: 'module-level comprehension element after a del', code: lines('x = 1', 'del x', '[$x for _ in range(1)]') },
  { name: 'nested comprehension', code: lines('def f():', '    grid = [[1, 2]]', '    return [$cell for row in grid for cell in $row]', 'f()') },
  { name: 'dict comprehension', code: lines('pairs = {k: $v for k, v in [(1, 2)]}') },
  {
    name: 'a function deletes a global: read before and after the call',
    code: lines('g = 1', 'def drop():', '    global g', '    del g', 'for step in range(2):', '    print($g)', '    if not step:', '        drop()'),
  },
  { name: 'class body deletes its attribute', code: lines('class C:', '    tmp = 1', '    del tmp', '    z = $tmp') },
  { name: 'import with a fallback', code: lines('try:', '    import json', 'except ImportError:', '    json = None', 'print($json)') },
  { name: '__class__ in a class body', code: lines('class C:', '    v = $__class__') },
  { name: 'lambda default in a class body', code: lines('class C:', '    unit = 2', '    scale = staticmethod(lambda x, u=$unit: x * u)') },
  { name: 'a deleted shadow of a builtin', code: lines('len = lambda s: 0', 'del len', 'print($len("ab"))') },
  { name: 'while loop variable bound in the body, read after', code: lines('def f(n):', '    while n:', '        last = n', '        n -= 1', '    return $last', 'f(2)', 'f(0)') },
  { name: 'conditional expression with walrus in the test', code: lines('def f(v):', '    return $w if (w := v) else 0', 'f(1)') },
];
