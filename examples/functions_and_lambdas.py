"""Functions are objects: lambdas, the operator module, getattr and annotations."""


# PP701: Lambda assigned to a name
to_celsius = lambda f: (f - 32) * 5 / 9

print(to_celsius(212))


# PP702: Lambda that only reimplements `operator.itemgetter`, `attrgetter` or `methodcaller`
rows = [("ann", 31), ("bob", 27)]
by_age = sorted(rows, key=lambda row: row[1])


# PP703: Lambda that only passes its arguments on to a function
import json

def load_all(texts):
    return list(map(lambda text: json.loads(text), texts))


# PP704: `hasattr(x, "__call__")` instead of `callable(x)`
def run(task):
    if hasattr(task, "__call__"):
        return task()
    return task


# PP705: `getattr` or `setattr` with a constant attribute name
def label(widget):
    text = getattr(widget, "text")
    setattr(widget, "dirty", False)
    return text


# PP706: Literal argument contradicts the parameter annotation
def retry(times: int, delay: float = 0.5):
    ...

retry("3", delay=1)
