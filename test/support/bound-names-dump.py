"""For each function and lambda in some Python files: its source text and the names CPython's
symtable says it binds in its own scope (assigned, deleted, imported, defined or a parameter).

Reads a JSON list of file paths on stdin; writes a JSON list of {"file", "line", "text",
"bound"}. Names mangled inside a class (`_C__x`) are given as written (`__x`). Files that
are not UTF-8, and lambdas that share a line, are left out (the second cannot be told apart
in the symbol table).
"""
import ast
import json
import symtable
import sys
import warnings


def tables(table, classes, found):
    for child in table.get_children():
        inner = classes + [child.get_name()] if child.get_type() == "class" else classes
        if child.get_type() == "function":
            found.setdefault((child.get_lineno(), child.get_name()), []).append((child, classes))
        tables(child, inner, found)


def unmangle(name, classes):
    if classes:
        prefix = "_" + classes[-1].lstrip("_") + "__"
        if name.startswith(prefix) and not name.endswith("__"):
            return "__" + name[len(prefix):]
    return name


def functions(path):
    with open(path, "rb") as f:
        source = f.read()
    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError:
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(text)
            top = symtable.symtable(text, path, "exec")
        except (SyntaxError, ValueError):
            return []
    found = {}
    tables(top, [], found)
    # ast's columns count UTF-8 bytes.
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = node.name
        elif isinstance(node, ast.Lambda):
            name = "lambda"
        else:
            continue
        matches = found.get((node.lineno, name), [])
        if len(matches) != 1:
            continue
        table, classes = matches[0]
        bound = sorted(
            unmangle(sym.get_name(), classes)
            for sym in table.get_symbols()
            if not sym.get_name().startswith(".") and (sym.is_assigned() or sym.is_parameter() or sym.is_imported())
        )
        start = starts[node.lineno - 1] + node.col_offset
        end = starts[node.end_lineno - 1] + node.end_col_offset
        out.append({"file": path, "line": node.lineno, "text": source[start:end].decode("utf-8"), "bound": bound})
    return out


def main():
    paths = json.load(sys.stdin)
    result = []
    for path in paths:
        result.extend(functions(path))
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
