"""Runs Python snippets and records what chosen name reads actually see: the oracle of
test/engine/scope-oracle.test.ts for the scope hover.

Reads a JSON list of snippets on stdin, each {"id", "source", "probes": [{"tag", "line",
"col", "name"}]} (1-based line, 0-based column of a read), and writes one JSON object
mapping each snippet id to {"probes": {tag: [observation, ...]}, "error": str | null}.

How a read is observed without changing what it sees. The marked `Name` node is
rewritten in place into

    __probe_after__(__probe_before__(tag), name)

Python evaluates call arguments left to right in the same frame, so `__probe_before__`
notes the tag, then the original load of `name` runs exactly where it ran before, with
the same opcode (the rewrite adds no scope and binds nothing; a lambda would add a
scope and change what the name means). If the load succeeds, `__probe_after__` gets the
value and classifies it from its caller's frame; if it raises, the noted tag says which
read failed. The innermost statement holding a probe is wrapped in
`try: ... except NameError: __probe_caught__()`, which records the error for the noted
read and skips the rest of that statement, so the snippet goes on and later reads are
observed too (a NameError nobody is waiting for is raised again). The helpers live in
`builtins`, so the module's own namespace is untouched.

An observation is where the value came from, judged from the frame that did the load:
the compiler's own verdict in the code object (fast local, cell or free variable) and,
for names looked up by dictionary, which namespace holds that very object, in the
order Python searches them. Each is checked by identity with the value the read saw.
"""
import ast
import builtins
import contextlib
import io
import json
import sys

CO_OPTIMIZED = 0x1


class Recorder:
    def __init__(self, probes):
        self.probes = {p["tag"]: p for p in probes}
        self.pending = None
        self.seen = {}

    def note(self, tag, kind, detail):
        self.seen.setdefault(tag, []).append({"kind": kind, "detail": detail})

    def before(self, tag):
        self.pending = self.probes[tag]
        return self.pending

    def after(self, probe, value):
        self.pending = None
        frame = sys._getframe(1)
        self.note(probe["tag"], where_found(frame, probe["name"], value), type(value).__name__)
        return value

    def caught(self):
        error = sys.exc_info()[1]
        probe = self.pending
        if probe is None or probe["name"] not in str(error):
            raise
        self.pending = None
        self.note(probe["tag"], error_kind(error, probe["name"]), f"{type(error).__name__}: {error}")


def where_found(frame, name, value):
    code = frame.f_code
    if code.co_flags & CO_OPTIMIZED:
        if name in code.co_varnames or name in code.co_cellvars:
            return same("local", frame.f_locals, name, value)
        if name in code.co_freevars:
            return same("free", frame.f_locals, name, value)
        return global_or_builtin(frame, name, value)
    if frame.f_locals is not frame.f_globals:
        # A class body: its own namespace first, then (LOAD_CLASSDEREF) a captured cell.
        if name in frame.f_locals:
            return same("class", frame.f_locals, name, value)
        if name in code.co_freevars:
            return "free"
    return global_or_builtin(frame, name, value)


def global_or_builtin(frame, name, value):
    if name in frame.f_globals:
        return same("global", frame.f_globals, name, value)
    return same("builtin", vars(builtins), name, value)


def same(kind, namespace, name, value):
    return kind if namespace.get(name) is value else f"mismatch({kind})"


def error_kind(error, name):
    if isinstance(error, UnboundLocalError):
        return "unbound-local"
    tb = error.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    return "free-unbound" if name in tb.tb_frame.f_code.co_freevars else "undefined"


class Instrument(ast.NodeTransformer):
    """Rewrites the marked reads and wraps the statements that hold them."""

    def __init__(self, probes):
        self.probes = {(p["line"], p["col"]): p for p in probes}
        self.found = set()
        self.holding = []

    def visit_Name(self, node):
        probe = self.probes.get((node.lineno, node.col_offset))
        if probe is None or not isinstance(node.ctx, ast.Load) or node.id != probe["name"]:
            return node
        self.found.add(probe["tag"])
        if self.holding:
            self.holding[-1][0] = True
        marker = ast.Call(ast.Name("__probe_before__", ast.Load()), [ast.Constant(probe["tag"])], [])
        return ast.Call(ast.Name("__probe_after__", ast.Load()), [marker, node], [])

    def generic_visit(self, node):
        if not isinstance(node, ast.stmt):
            return super().generic_visit(node)
        self.holding.append([False])
        super().generic_visit(node)
        (holds,) = self.holding.pop()
        if not holds:
            return node
        handler = ast.ExceptHandler(ast.Name("NameError", ast.Load()), None, [ast.Expr(ast.Call(ast.Name("__probe_caught__", ast.Load()), [], []))])
        return ast.Try([node], [handler], [], [])


def run(snippet):
    recorder = Recorder(snippet["probes"])
    builtins.__probe_before__ = recorder.before
    builtins.__probe_after__ = recorder.after
    builtins.__probe_caught__ = recorder.caught
    tree = ast.parse(snippet["source"])
    instrument = Instrument(snippet["probes"])
    tree = ast.fix_missing_locations(instrument.visit(tree))
    missing = [p["tag"] for p in snippet["probes"] if p["tag"] not in instrument.found]
    if missing:
        return {"probes": {}, "error": f"no read of the marked name at {missing}"}
    error = None
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(tree, snippet["id"], "exec"), {"__name__": "__main__"})
    except NameError:
        try:
            recorder.caught()
        except NameError as unexpected:
            error = f"{type(unexpected).__name__}: {unexpected}"
    except Exception as unexpected:  # the snippet itself failed: report it, the test shows it
        error = f"{type(unexpected).__name__}: {unexpected}"
    return {"probes": recorder.seen, "error": error}


def main():
    snippets = json.load(sys.stdin)
    json.dump({s["id"]: run(s) for s in snippets}, sys.stdout)


if __name__ == "__main__":
    main()
