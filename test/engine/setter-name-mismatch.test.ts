import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine';
import { check, ruleTests, runPython } from '../support/engine';

const GETTER = 'class Account:\n    @property\n    def balance(self):\n        return self._balance\n\n';

describe('PP306 setter-name-mismatch', () => {
  ruleTests(
    'PP306',
    {
      valid: [
        GETTER + '    @balance.setter\n    def balance(self, value):\n        self._balance = value\n\n    @balance.deleter\n    def balance(self):\n        del self._balance\n',
        // a property built with `property(...)` and completed by name
        'class C:\n    balance = property(lambda self: 1)\n\n    @balance.setter\n    def balance(self, value):\n        pass\n',
        // `x` is not the class's own: any object may have a `setter` attribute
        'class C:\n    @signals.setter\n    def on_change(self, value):\n        pass\n',
        'class C(Base):\n    @Base.balance.setter\n    def set_balance(self, value):\n        pass\n',
        // `.getter` and other attributes are not checked
        GETTER + '    @balance.getter\n    def get_balance(self):\n        return 0\n',
        // methods of other names, nested functions
        GETTER + '    def set_balance(self, value):\n        @balance.setter\n        def inner(self, v):\n            pass\n',
      ],
      invalid: [
        {
          code: GETTER + '    @balance.setter\n    def set_balance(self, value):\n        self._balance = value\n',
          errors: ['6:8-6:19'],
          output: GETTER + '    @balance.setter\n    def balance(self, value):\n        self._balance = value\n',
        },
        {
          // a deleter, async, in a class nested in a function, with another decorator
          code: 'def make():\n    class C:\n        x = property(lambda self: 1)\n\n        @x.deleter\n        @log\n        def drop_x(self):\n            pass\n    return C\n',
          errors: ['6:12-6:18'],
          output: 'def make():\n    class C:\n        x = property(lambda self: 1)\n\n        @x.deleter\n        @log\n        def x(self):\n            pass\n    return C\n',
        },
        {
          // the class body uses the old names: renaming would break it, so no fix (the chain is wrong twice)
          code: GETTER + '    @balance.setter\n    def set_balance(self, value):\n        self._balance = value\n\n    @set_balance.deleter\n    def balance(self):\n        pass\n',
          errors: ['6:8-6:19', '10:8-10:15'],
          output: null,
        },
        {
          code: GETTER + '    @balance.setter\n    def set_balance(self, value):\n        self._balance = value\n\n    writable = property(set_balance.fget, set_balance.fset)\n',
          errors: ['6:8-6:19'],
          output: null,
        },
        {
          // the old name bound twice: no fix
          code: GETTER + '    def set_balance(self, value):\n        pass\n\n    @balance.setter\n    def set_balance(self, value):\n        self._balance = value\n',
          errors: ['9:8-9:19'],
          output: null,
        },
        {
          // a mangled name is renamed like any other
          code: GETTER + '    @balance.setter\n    def __set(self, value):\n        self._balance = value\n',
          errors: ['6:8-6:13'],
          output: GETTER + '    @balance.setter\n    def balance(self, value):\n        self._balance = value\n',
        },
      ],
    },
    it,
  );

  it('after the fix the property can be assigned', async () => {
    const program = GETTER + '    @balance.setter\n    def set_balance(self, value):\n        self._balance = value\n\n' +
      'a = Account()\ntry:\n    a.balance = 5\n    print(a.balance)\nexcept AttributeError:\n    print("read-only")\n';
    const [d] = await check(program, { select: ['PP306'] });
    assert.match(d.message, /`balance` keeps no setter/);
    assert.equal(runPython(program).stdout, 'read-only\n');
    assert.equal(runPython(applyEdits(program, d.fix!.edits)).stdout, '5\n');
  });
});
