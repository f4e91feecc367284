"""Dumps CPython's symtable for Python files in the JSON shape of `pythonic scopes --format json`.

Reads a JSON list of file paths on stdin and writes one JSON object mapping each
path to {"scopes": [...]}, or to {"error": "..."} when Python cannot compile it.
The scope tests compare this, the reference, with the engine's analysis.
"""
import json
import symtable
import sys
import tokenize
import warnings

SCOPES = {
    symtable.LOCAL: "local",
    symtable.GLOBAL_EXPLICIT: "global_explicit",
    symtable.GLOBAL_IMPLICIT: "global_implicit",
    symtable.FREE: "free",
    symtable.CELL: "cell",
}


def dump(table):
    symbols = {}
    # `table.get_symbols()` looks every name up among the children (quadratic on big
    # modules); building each Symbol from the raw flags gives the same answers fast.
    for name, flags in table._table.symbols.items():
        if name.startswith("."):
            continue
        sym = symtable.Symbol(name, flags)
        symbols[name] = {
            "scope": SCOPES.get(sym._Symbol__scope, str(sym._Symbol__scope)),
            "parameter": sym.is_parameter(),
            "imported": sym.is_imported(),
            "assigned": sym.is_assigned(),
            "referenced": sym.is_referenced(),
            "annotated": sym.is_annotated(),
            "nonlocal": sym.is_nonlocal(),
        }
    return {
        "type": table.get_type(),
        "name": table.get_name(),
        "line": table.get_lineno(),
        "symbols": symbols,
        "children": [dump(child) for child in table.get_children()],
    }


def main():
    warnings.simplefilter("ignore")
    out = {}
    for path in json.load(sys.stdin):
        try:
            with tokenize.open(path) as f:
                source = f.read()
            compile(source, path, "exec", dont_inherit=True)
            out[path] = {"scopes": [dump(symtable.symtable(source, path, "exec"))]}
        except (SyntaxError, ValueError, UnicodeDecodeError) as error:
            out[path] = {"error": f"{type(error).__name__}: {error}"}
    sys.stdout.write(json.dumps(out))


if __name__ == "__main__":
    main()
