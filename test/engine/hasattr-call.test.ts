import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP704 hasattr-call', () => {
  ruleTests(
    'PP704',
    {
      valid: [
        'hasattr(x, "__len__")\n',
        'hasattr(x, name)\n',
        'hasattr(x, f"__call__")\n',
        'hasattr(x, b"__call__")\n',
        'hasattr(x)\n',
        'getattr(x, "__call__", None)\n',
        'obj.hasattr(x, "__call__")\n',
        // the module's own hasattr
        'def hasattr(o, n):\n    return True\n\nhasattr(x, "__call__")\n',
        'def f(hasattr):\n    return hasattr(x, "__call__")\n',
      ],
      invalid: [
        {
          code: 'def run(task):\n    if hasattr(task, "__call__"):\n        return task()\n',
          errors: ['1:7-1:32'],
          output: 'def run(task):\n    if callable(task):\n        return task()\n',
        },
        {
          code: "ok = not hasattr(tasks[0], '__call__')\nfns = [f for f in items if hasattr(f.cb, '__call__')]\n",
          errors: ['0:9-0:38', '1:27-1:52'],
          output: 'ok = not callable(tasks[0])\nfns = [f for f in items if callable(f.cb)]\n',
        },
        {
          // over several lines
          code: 'x = hasattr(\n    obj,\n    "__call__",\n)\n',
          errors: ['0:4-3:1'],
          output: 'x = callable(obj)\n',
        },
        {
          // `callable` is rebound, or a comment sits inside the call: reported without a fix
          code: 'callable = None\nx = hasattr(obj, "__call__")\ndef f(o):\n    return hasattr(o,  # why\n        "__call__")\n',
          errors: ['1:4-1:28', '3:11-4:19'],
          output: null,
        },
        {
          code: 'def f(o, callable):\n    return hasattr(o, "__call__")\n',
          errors: ['1:11-1:33'],
          output: null,
        },
      ],
    },
    it,
  );
});
