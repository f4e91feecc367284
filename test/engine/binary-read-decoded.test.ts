import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP602 binary-read-decoded', () => {
  ruleTests(
    'PP602',
    {
      valid: [
        'text = open(p, encoding="utf-8").read()\n',
        'data = open(p, "rb").read()\n',
        // the bytes are used as bytes too
        'def f(p):\n    with open(p, "rb") as f:\n        raw = f.read()\n    return raw, raw.decode()\n',
        'def f(p):\n    with open(p, "rb") as f:\n        head = f.read(4)\n        return f.read().decode()\n',
        // read(n) counts bytes here and characters in text mode
        'first = open(p, "rb").read(10).decode()\n',
        // other modes, unknown modes
        'text = open(p, "r+b").read().decode()\n',
        'text = open(p, mode).read().decode()\n',
        'text = open(*args).read().decode()\n',
        // not the builtin
        'def open(p, mode):\n    return p\ntext = open(p, "rb").read().decode()\n',
        'import gzip\ntext = gzip.open(p, "rb").read().decode()\n',
      ],
      invalid: [
        {
          code: 'text = open(path, "rb").read().decode("latin-1")\n',
          errors: ['0:7-0:23'],
          output: 'text = open(path, "r", encoding="latin-1", newline="").read()\n',
        },
        {
          // no encoding named: UTF-8; the quote style of the mode is kept; errors move too
          code: "text = open(path, mode='rb').read().decode()\nsafe = open(path, 'br').read().decode(errors='replace')\n",
          errors: ['0:7-0:28', '1:7-1:23'],
          output:
            "text = open(path, mode='r', encoding='utf-8', newline='').read()\n" +
            "safe = open(path, 'r', encoding='utf-8', errors='replace', newline='').read()\n",
        },
        {
          code: 'import io\n\ndef load(path):\n    with io.open(path, "rb") as f:\n        return f.read().decode("utf-8", "strict")\n',
          errors: ['3:9-3:28'],
          output: 'import io\n\ndef load(path):\n    with io.open(path, "r", encoding="utf-8", errors="strict", newline="") as f:\n        return f.read()\n',
        },
        {
          // the file is used once, among other statements
          code: 'def load(path):\n    with open(path, "rb") as stream:\n        text = stream.read().decode("utf-8")\n        print(len(text))\n    return text\n',
          errors: ['1:9-1:25'],
          output: 'def load(path):\n    with open(path, "r", encoding="utf-8", newline="") as stream:\n        text = stream.read()\n        print(len(text))\n    return text\n',
        },
        {
          // reported, not fixed: an encoding computed at run time would move before the code that computes it,
          // and text mode refuses buffering=0
          code:
            'def load(path):\n    with open(path, "rb") as f:\n        enc = guess()\n        return f.read().decode(enc)\n\n' +
            'raw = open(path, "rb", buffering=0).read().decode()\n',
          errors: ['1:9-1:25', '5:6-5:35'],
          output: null,
        },
      ],
    },
    it,
  );
});
