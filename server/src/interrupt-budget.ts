// How much bytecode a function runs through before V8 optimises it (`--interrupt-budget`),
// for the commands other than `server`: shared by the launcher, which sets it before it
// compiles the bundle, and by `check`, which lowers it while the main thread checks files
// (check/compiler-budget.ts). Constants only: the launcher is its own small bundle.

/** Node 20's (V8 11.3's) default. */
export const V8_DEFAULT_INTERRUPT_BUDGET = 67_584;

/**
 * The launcher's: a function is optimised once it has run through 8 times the default.
 * Over the standard library each thread spent 3 to 5 s of CPU in TurboFan with the
 * default, re-optimising functions that had only warmed up on a few files; every `check
 * --jobs N` worker pays that again, and with as many workers as cores it competes with
 * the checking itself. With this budget, default jobs on two cores took about 1.1 s less
 * (medians of interleaved runs). V8 stamps a code cache with a hash of its flags and
 * rejects it under others, so the cache is made and used under this one.
 */
export const CLI_INTERRUPT_BUDGET = 8 * V8_DEFAULT_INTERRUPT_BUDGET;
