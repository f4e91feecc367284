import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSameOutput, ruleTests } from '../support/engine';

describe('PP504 useless-else-on-loop', () => {
  ruleTests(
    'PP504',
    {
      valid: [
        'for x in xs:\n    if x:\n        break\nelse:\n    print("none")\n',
        'while n:\n    n -= 1\n    if n == 3:\n        break\nelse:\n    print("done")\n',
        // the break sits in a nested `if`/`try`/`with`/`match`: it still ends this loop
        'for x in xs:\n    try:\n        with x:\n            match x:\n                case 1:\n                    break\n    finally:\n        pass\nelse:\n    y = 1\n',
        // a break in the `else` of a nested loop ends the outer loop
        'for row in rows:\n    for x in row:\n        if x:\n            break\n    else:\n        break\nelse:\n    y = 1\n',
        // loops without else
        'for x in xs:\n    pass\n',
        // `else` of an `if` or `try` inside the loop
        'for x in xs:\n    if x:\n        pass\n    else:\n        break\nelse:\n    y = 1\n',
        'try:\n    pass\nexcept E:\n    pass\nelse:\n    y = 1\n',
        'async def f():\n    async for x in xs:\n        break\n    else:\n        return 1\n',
      ],
      invalid: [
        {
          code: 'for x in xs:\n    print(x)\nelse:\n    print("done")\nprint("after")\n',
          errors: ['2:0-2:4'],
          output: 'for x in xs:\n    print(x)\nprint("done")\nprint("after")\n',
        },
        {
          // a nested loop's break ends the nested loop only
          code: 'def f(rows):\n    for row in rows:\n        for x in row:\n            if x:\n                break\n    else:\n        return None\n    return 1\n',
          errors: ['5:4-5:8'],
          output: 'def f(rows):\n    for row in rows:\n        for x in row:\n            if x:\n                break\n    return None\n    return 1\n',
        },
        {
          // a break in a function defined in the loop belongs to that function's own loop
          code: 'for x in xs:\n    def g():\n        while True:\n            break\nelse:\n    done = True\n',
          errors: ['4:0-4:4'],
          output: 'for x in xs:\n    def g():\n        while True:\n            break\ndone = True\n',
        },
        {
          // while loop; `else: stmt` on one line
          code: 'while n > 0:\n    n -= 1\nelse: print("zero")\n',
          errors: ['2:0-2:4'],
          output: 'while n > 0:\n    n -= 1\nprint("zero")\n',
        },
        {
          // comments, blank lines, nested blocks and a multi-line call move with the block; the comment on `else:` stays
          code:
            'def f(xs):\n    for x in xs:\n        continue\n    else:  # all seen\n        # report\n        if xs:\n            print(len(xs),\n                  "items")\n\n        return True\n    # after\n',
          errors: ['3:4-3:8'],
          output:
            'def f(xs):\n    for x in xs:\n        continue\n    # all seen\n    # report\n    if xs:\n        print(len(xs),\n              "items")\n\n    return True\n    # after\n',
        },
        {
          // tabs
          code: 'def f(xs):\n\tfor x in xs:\n\t\tpass\n\telse:\n\t\tif x:\n\t\t\treturn x\n',
          errors: ['3:1-3:5'],
          output: 'def f(xs):\n\tfor x in xs:\n\t\tpass\n\tif x:\n\t\treturn x\n',
        },
        {
          // CRLF line breaks stay CRLF
          code: 'def f(xs):\r\n    for x in xs:\r\n        pass\r\n    else:  # c\r\n        y = 1\r\n        z = 2\r\n    return y\r\n',
          errors: ['3:4-3:8'],
          output: 'def f(xs):\r\n    for x in xs:\r\n        pass\r\n    # c\r\n    y = 1\r\n    z = 2\r\n    return y\r\n',
        },
        {
          // nested useless elses, one inside the other's block: both fixed
          code: 'for a in b:\n    pass\nelse:\n    for c in d:\n        pass\n    else:\n        e = 1\n',
          errors: ['2:0-2:4', '5:4-5:8'],
          output: 'for a in b:\n    pass\nfor c in d:\n    pass\ne = 1\n',
        },
        {
          // a multi-line string would change value if its lines moved: reported, not fixed
          code: 'for x in xs:\n    pass\nelse:\n    text = """one\n    two"""\n',
          errors: ['2:0-2:4'],
          output: null,
        },
        {
          // a continuation line less indented than the block: odd layout, not fixed
          code: 'for x in xs:\n    pass\nelse:\n    y = (1,\n  2)\n',
          errors: ['2:0-2:4'],
          output: null,
        },
      ],
    },
    it,
  );

  it('the safe fix keeps what the program does: loops that finish, continue, return, raise, generators and while loops', async () => {
    const program = [
      'def first_even(xs):',
      '    for x in xs:',
      '        if x % 2:',
      '            continue',
      '        return x',
      '    else:',
      '        print("no even number in", xs)',
      '    return None',
      '',
      'def countdown(n):',
      '    while n > 0:',
      '        print("tick", n)',
      '        n -= 1',
      '    else:',
      '        print("liftoff")',
      '    return n',
      '',
      'def explode(xs):',
      '    for x in xs:',
      '        if x == "boom":',
      '            raise ValueError(x)',
      '    else:',
      '        print("all quiet")',
      '',
      'def nested(rows):',
      '    for row in rows:',
      '        for x in row:',
      '            if x is None:',
      '                break',
      '        else:',
      '            print("full row", row)',
      '            continue',
      '        print("row with a hole", row)',
      '    else:',
      '        print("rows done")',
      '',
      'def numbered(xs):',
      '    for i, x in enumerate(xs):',
      '        yield i, x',
      '    else:',
      '        yield "end", None',
      '',
      'class Squares:',
      '    def __iter__(self):',
      '        print("iterating")',
      '        return iter([1, 4, 9])',
      '',
      'print(first_even([1, 3, 4]), first_even([1, 3]), first_even([]))',
      'print(countdown(3), countdown(0))',
      'for case in (["a", "b"], ["a", "boom", "c"]):',
      '    try:',
      '        explode(case)',
      '    except ValueError as e:',
      '        print("caught", e)',
      'nested([[1, 2], [None], []])',
      'print(list(numbered("ab")), list(numbered("")))',
      'for sq in Squares():',
      '    print(sq)',
      'else: print("squares done")',
      '',
    ].join('\n');
    const fixed = await assertSameOutput('PP504', program, { fixes: 6 });
    // only the inner loop of `nested`, which breaks, keeps its `else`
    assert.equal(fixed.match(/^\s*else:/gm)?.length, 1, fixed);
  });
});
