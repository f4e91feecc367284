"""Runs knowledge-base examples (JSON list of {"key", "code"} on stdin), each in a fresh
namespace, and answers (JSON on stdout) per example: the exception it raised, if any,
and for every print() call on a line that carries a trailing comment, what it printed
and the comment. Used by test/engine/explanations-oracle.test.ts."""
import contextlib
import io
import json
import os
import sys
import tokenize


def comments(code):
    found = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            if tok.type == tokenize.COMMENT:
                found[tok.start[0]] = tok.string[1:].strip()
    except (tokenize.TokenError, SyntaxError):
        pass
    return found


def run(code):
    notes = comments(code)
    printed = []

    def recording_print(*args, sep=" ", end="\n", file=None, flush=False):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != "<example>":
            frame = frame.f_back
        line = frame.f_lineno if frame is not None else 0
        text = sep.join(str(a) for a in args)
        if file is not None:
            print(text, end=end, file=file)
            return
        printed.append({"line": line, "out": text, "comment": notes.get(line)})

    namespace = {"__name__": "__example__", "__file__": os.path.join(os.getcwd(), "example.py"), "print": recording_print}
    error = None
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            exec(compile(code, "<example>", "exec"), namespace)
    except BaseException as exc:  # noqa: BLE001 - any failure is the answer
        error = f"{type(exc).__name__}: {exc}"
    return {"error": error, "prints": printed}


def main():
    examples = json.load(sys.stdin)
    json.dump([dict(key=e["key"], **run(e["code"])) for e in examples], sys.stdout)


main()
