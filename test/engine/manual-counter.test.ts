import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP502 manual-counter', () => {
  ruleTests(
    'PP502',
    {
      valid: [
        'from collections import Counter\ncounts = Counter(words)\n',
        'for w in words:\n    counts[w] += 1\n',
        // other defaults or increments are not counting from zero by one
        'for w in words:\n    sizes[w] = sizes.get(w, 1) * 2\n',
        'for w in words:\n    total[w] = total.get(w, 0) + len(w)\n',
        // a different dict or key on either side
        'for w in words:\n    a[w] = b.get(w, 0) + 1\n',
        'for w in words:\n    a[w] = a.get(v, 0) + 1\n',
        // literal keys are fields of a record-like dict
        'def f(result):\n    result.info["added"] = result.info.get("added", 0) + 1\n',
        'if "index" in options:\n    options["index"] += 1\nelse:\n    options["index"] = 1\n',
        // branches that do more, an elif, or the wrong values
        'if w in d:\n    d[w] += 1\nelse:\n    d[w] = 1\n    seen.append(w)\n',
        'if w in d:\n    d[w] += 1\nelif w:\n    d[w] = 1\n',
        'if w in d:\n    d[w] += 1\nelse:\n    d[w] = 0\n',
        'if w not in d:\n    d[w] += 1\nelse:\n    d[w] = 1\n',
        'if w in d:\n    d[w] += 2\nelse:\n    d[w] = 1\n',
      ],
      invalid: [
        {
          code: 'def count(words):\n    counts = {}\n    for w in words:\n        counts[w] = counts.get(w, 0) + 1\n    return counts\n',
          errors: ['3:8-3:40'],
          output: null,
        },
        {
          code: 'for w in words:\n    counts[w.lower()] = 1 + counts.get(w.lower(), 0)\n',
          errors: ['1:4-1:52'],
          output: null,
        },
        {
          code: 'for w in words:\n    if w in counts:\n        counts[w] += 1\n    else:\n        counts[w] = 1\n',
          errors: ['1:4-1:18'],
          output: null,
        },
        {
          // `not in`, branches the other way round, `d[k] = d[k] + 1`
          code: 'for w in words:\n    if w not in self.seen:\n        self.seen[w] = 1\n    else:\n        self.seen[w] = self.seen[w] + 1\n',
          errors: ['1:4-1:25'],
          output: null,
        },
      ],
    },
    it,
  );
});
