import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

const MIXIN = 'class JsonMixin:\n    def to_json(self):\n        return str(self.as_dict())\n\n';

describe('PP312 mixin-instantiated', () => {
  ruleTests(
    'PP312',
    {
      valid: [
        // inheriting, checking, calling its methods through the class
        `${MIXIN}class Order(JsonMixin):\n    def as_dict(self):\n        return {}\n\nOrder().to_json()\n`,
        `${MIXIN}def f(x):\n    return isinstance(x, JsonMixin) and JsonMixin.to_json(x)\n`,
        `${MIXIN}class Order(JsonMixin):\n    def to_json(self):\n        return super(JsonMixin, self).to_json()\n`,
        // a name nothing in the module defines or imports
        'x = UnknownMixin()\n',
        // a local binding hides the module's class
        `${MIXIN}def build(JsonMixin):\n    return JsonMixin()\n`,
        `${MIXIN}def build():\n    class JsonMixin:\n        pass\n    return JsonMixin()\n`,
        // `MixIn` spelt so, and other names
        'class ConfigMixIn:\n    pass\n\nconfig = ConfigMixIn()\n',
        'class Mixing:\n    pass\n\nMixing()\n',
        // an attribute of an object, not of an imported module
        'def f(obj):\n    return obj.JsonMixin()\n',
      ],
      invalid: [
        {
          code: `${MIXIN}payload = JsonMixin().to_json()\n`,
          errors: ['4:10-4:21'],
          output: null,
        },
        {
          // imported, called in a method and in a class body
          code: 'from app.mixins import JsonMixin\n\nclass Service:\n    default = JsonMixin()\n\n    def run(self):\n        return JsonMixin()\n',
          errors: ['3:14-3:25', '6:15-6:26'],
          output: null,
        },
        {
          code: 'import app.mixins as mixins\n\ndef f():\n    return mixins.JsonMixin(indent=2)\n',
          errors: ['3:11-3:37'],
          output: null,
        },
      ],
    },
    it,
  );
});
