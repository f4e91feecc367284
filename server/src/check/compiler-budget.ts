// V8 optimises hot functions with TurboFan on a background thread. The launcher makes it
// wait for 8 times the usual amount of bytecode (interrupt-budget.ts), because worker
// threads on every core would otherwise share those cores with a great deal of compiling.
// When the main thread checks the files alone and the machine has another core, the
// compiling runs on that core for free, and V8's default budget lets the checking run
// optimised code sooner: `check --jobs 1` over the standard library on two cores took
// about 0.45 s less (10.15 s against 10.63 s, medians of five interleaved runs), while on
// one core (`taskset -c 0`) the default took 1.2 s more. So the budget is lowered only
// while the main thread checks, and put back before anything else runs: the launcher's
// V8 code cache, written at exit, must carry the flags it is compiled under.
import * as os from 'node:os';
import * as v8 from 'node:v8';
import { CLI_INTERRUPT_BUDGET, V8_DEFAULT_INTERRUPT_BUDGET } from '../interrupt-budget';

/**
 * Runs `check` (synchronous: no timer, such as the launcher's cache write, may run while the
 * budget is lowered) with V8's default budget when a core is left for the compiler.
 */
export function withSpareCoreBudget<T>(check: () => T): T {
  if (os.availableParallelism() < 2) return check();
  v8.setFlagsFromString(`--interrupt-budget=${V8_DEFAULT_INTERRUPT_BUDGET}`);
  try {
    return check();
  } finally {
    v8.setFlagsFromString(`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
  }
}
