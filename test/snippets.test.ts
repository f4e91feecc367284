// The snippet set is data (snippets/python.json, VS Code's format); this checks
// every snippet: a unique prefix, a description that teaches, and a body that
// CPython compiles once each placeholder takes its default.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './support/engine';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const SNIPPETS: Record<string, Snippet> = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'python.json'), 'utf8'));

/**
 * The text VS Code inserts when the user accepts every default: `${1:text}` ->
 * text (nested placeholders expanded), `${1|a,b|}` -> a, `$1`/`${1}` -> the
 * default given to tab stop 1 elsewhere (a mirror) or nothing, `$0` -> nothing,
 * `\$`, `\}` and `\\` -> the character.
 */
function expandDefaults(body: string): string {
  const defaults = new Map<string, string>();
  const MIRROR = '\u0000';
  let i = 0;
  const parse = (insideBraces: boolean): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (insideBraces && c === '}') {
        return out;
      } else if (c === '$' && /\d/.test(body[i + 1] ?? '')) {
        const [digits] = /^\d+/.exec(body.slice(i + 1))!;
        i += 1 + digits.length;
        out += `${MIRROR}${digits}${MIRROR}`;
      } else if (c === '$' && body[i + 1] === '{' && /\d/.test(body[i + 2] ?? '')) {
        const [digits] = /^\d+/.exec(body.slice(i + 2))!;
        i += 2 + digits.length;
        const kind = body[i];
        if (kind === '}') {
          i++;
          out += `${MIRROR}${digits}${MIRROR}`;
        } else if (kind === ':') {
          i++;
          const text = parse(true);
          assert.equal(body[i], '}', `unclosed placeholder $${digits}`);
          i++;
          if (!defaults.has(digits)) defaults.set(digits, text);
          out += text;
        } else if (kind === '|') {
          const end = body.indexOf('|}', i + 1);
          assert.ok(end > i, `unclosed choice $${digits}`);
          const first = body.slice(i + 1, end).split(',')[0];
          i = end + 2;
          if (!defaults.has(digits)) defaults.set(digits, first);
          out += first;
        } else {
          assert.fail(`unexpected '${kind}' after \${${digits}`);
        }
      } else {
        out += c;
        i++;
      }
    }
    assert.ok(!insideBraces, 'unclosed placeholder');
    return out;
  };
  const text = parse(false);
  // Mirrors may refer to a default given later, and defaults may contain mirrors: resolve until stable.
  let resolved = text;
  for (let round = 0; round < 5 && resolved.includes(MIRROR); round++) {
    resolved = resolved.replace(/\u0000(\d+)\u0000/g, (_, n: string) => defaults.get(n) ?? '');
  }
  return resolved;
}

const bodyText = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

describe('snippet expansion helper', () => {
  it('expands defaults, choices, mirrors, nested placeholders and escapes', () => {
    assert.equal(expandDefaults('${1:a} $1 ${2|x,y|} ${3:f(${1:a})} $0 \\$5 ${4}'), 'a a x f(a)  $5 ');
    assert.equal(expandDefaults('$1 ${1:later}'), 'later later');
    assert.equal(expandDefaults('${1:${2:inner}}-$2'), 'inner-inner');
  });
});

describe('snippets/python.json', () => {
  const entries = Object.entries(SNIPPETS);

  it('has the full teaching set, including the prefixes other features rely on', () => {
    assert.ok(entries.length >= 20, `only ${entries.length} snippets`);
    const all = entries.flatMap(([, s]) => prefixes(s));
    for (const needed of ['dataclass', 'frozen-dataclass', 'dataclass-factory', 'property', 'classmethod', 'staticmethod', 'closure',
      'decorator', 'decorator-factory', 'contextmanager-class', 'contextmanager', 'generator', 'valueclass', 'mixin', 'slots',
      'asyncio-gather', 'threadpool', 'processpool', 'defaultdict', 'counter', 'main']) {
      assert.ok(all.includes(needed), `no snippet with prefix ${needed}`);
    }
  });

  it('gives every snippet a unique prefix and a description that says what it teaches', () => {
    const all = entries.flatMap(([, s]) => prefixes(s));
    assert.deepEqual(all.filter((p, i) => all.indexOf(p) !== i), [], 'duplicate prefixes');
    for (const [name, s] of entries) {
      assert.ok(typeof s.description === 'string' && s.description.length >= 40, `${name}: description`);
      assert.ok(prefixes(s).every((p) => /^[a-z][a-z-]*$/.test(p)), `${name}: prefix`);
    }
  });

  it('expands every body to Python that py_compile accepts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-snippets-'));
    try {
      const files = entries.map(([, s]) => {
        const file = path.join(dir, `${prefixes(s)[0].replaceAll('-', '_')}.py`);
        fs.writeFileSync(file, expandDefaults(bodyText(s)) + '\n');
        return file;
      });
      try {
        execFileSync('python3', ['-m', 'py_compile', ...files], { stdio: 'pipe' });
      } catch (error) {
        assert.fail(String((error as { stderr?: Buffer }).stderr ?? error));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the idioms the descriptions promise', () => {
    const expanded = (prefix: string) => expandDefaults(bodyText(entries.find(([, s]) => prefixes(s).includes(prefix))![1]));
    assert.match(expanded('closure'), /\n\t\tnonlocal count\n/);
    assert.match(expanded('decorator'), /@functools\.wraps\(func\)/);
    assert.match(expanded('property'), /@radius\.setter\ndef radius\(self, value\):/);
    assert.match(expanded('dataclass-factory'), /field\(default_factory=list\)/);
    assert.match(expanded('processpool'), /\nif __name__ == "__main__":\n\twith ProcessPoolExecutor\(\) as pool:/);
    assert.match(expanded('valueclass'), /def __hash__\(self\):\n\t\treturn hash\(tuple\(self\)\)/);
  });
});
