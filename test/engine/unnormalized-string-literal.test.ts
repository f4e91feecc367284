import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

// In these strings `\u0301` is a raw COMBINING ACUTE ACCENT in the Python code; `\\u0301` is the Python escape.
describe('PP601 unnormalized-string-literal', () => {
  ruleTests(
    'PP601',
    {
      valid: [
        'word = "caf\u00e9"\n',
        'word = "caf\\u00e9"\n',
        // escapes name the code points: decomposed on purpose
        'word = "cafe\\u0301"\n',
        'word = "cafe\\N{COMBINING ACUTE ACCENT}"\n',
        'table = {0x1f0: "j\\u030c"}\n',
        // byte strings
        'data = b"cafe\\xcc\\x81"\n',
        // a combining mark right after a replacement field joins whatever the field produces
        'label = f"{name}\u0301"\n',
        // one-for-one replacements (U+212A KELVIN SIGN becomes K) and reorderings are deliberate
        'kelvin = "\u212a"\n',
        'marks = "\u0301\u0316"\n',
        // passed straight to unicodedata
        'import unicodedata\nnfc = unicodedata.normalize("NFC", "cafe\u0301")\n',
        'from unicodedata import is_normalized\nok = is_normalized("NFC", "cafe\u0301" "!")\n',
        // docstrings, string statements and expected values in assertions
        'def f():\n    """Counts "e\u0301" as two code points."""\n',
        'assert accent("e") == "e\u0301"\n',
        'class T:\n    def test(self):\n        self.assertEqual(accent("e"), "e\u0301")\n',
        // a lone combining mark has nothing to merge with
        'mark = "\u0301"\n',
      ],
      invalid: [
        {
          code: 'word = "cafe\u0301"\n',
          errors: ['0:11-0:13'],
          output: 'word = "caf\u00e9"\n',
        },
        {
          // prefixes and quotes stay; several runs in one literal are reported once and fixed together
          code: "names = [u'Jose\u0301', r'Ame\u0301lie\\d', '''Tie\u0302\u0301ng Vie\u0323\u0302t''']\n",
          errors: ['0:14-0:16', '0:23-0:25', '0:38-0:49'],
          output: "names = [u'Jos\u00e9', r'Am\u00e9lie\\d', '''Ti\u1ebfng Vi\u1ec7t''']\n",
        },
        {
          // an escaped base with a raw mark: the result is written as an escape
          code: 'word = "caf\\x65\u0301"\n',
          errors: ['0:11-0:16'],
          output: 'word = "caf\\u00e9"\n',
        },
        {
          // f-strings: the text between replacement fields; braces stay doubled
          code: 'def f(n):\n    return f"{{n}} cafe\u0301 {n}"\n',
          errors: ['1:22-1:24'],
          output: 'def f(n):\n    return f"{{n}} caf\u00e9 {n}"\n',
        },
        {
          // decomposed Hangul jamo compose into one syllable
          code: 'word = "\u1100\u1161"\n',
          errors: ['0:8-0:10'],
          output: 'word = "\uac00"\n',
        },
        {
          // a multi-line literal: the range points at the run, on its own line
          code: 'text = """first line\nsecond cafe\u0301\n"""\n',
          errors: ['1:10-1:12'],
          output: 'text = """first line\nsecond caf\u00e9\n"""\n',
        },
      ],
    },
    it,
  );
});
