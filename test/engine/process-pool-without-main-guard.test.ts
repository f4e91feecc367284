import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

const IMPORT = 'from concurrent.futures import ProcessPoolExecutor\n';
const RUN = '    with ProcessPoolExecutor() as pool:\n        pool.submit(print)\n';

describe('PP906 process-pool-without-main-guard', () => {
  ruleTests(
    'PP906',
    {
      valid: [
        // the guard in its spellings
        `${IMPORT}if __name__ == "__main__":\n${RUN}`,
        `${IMPORT}if __name__ == '__main__':\n${RUN}`,
        `${IMPORT}if '__main__' == __name__:\n${RUN}`,
        `${IMPORT}if (__name__ == "__main__"):\n${RUN}`,
        `${IMPORT}if __name__ == "__main__" and not quiet:\n${RUN}`,
        `${IMPORT}if not __name__ != "__main__":\n${RUN}`,
        // nested statements inside the guard, and the branches of other ifs there
        `${IMPORT}import sys\nif __name__ == "__main__":\n    if len(sys.argv) > 1:\n        pass\n    elif sys.argv:\n        ProcessPoolExecutor()\n    else:\n        try:\n            ProcessPoolExecutor()\n        finally:\n            pass\n`,
        // `!=` guards the other branches
        `${IMPORT}if __name__ != "__main__":\n    pass\nelse:\n${RUN}`,
        `${IMPORT}import sys\nif __name__ != "__main__":\n    pass\nelif sys.argv:\n${RUN}`,
        `${IMPORT}import sys\nif sys.argv:\n    pass\nelif __name__ == "__main__":\n${RUN}`,
        // inside functions, classes, lambdas
        `${IMPORT}def main():\n${RUN}`,
        `${IMPORT}class Runner:\n    pool = ProcessPoolExecutor()\n`,
        `${IMPORT}make = lambda: ProcessPoolExecutor()\n`,
        `import multiprocessing\nif True:\n    def start():\n        return multiprocessing.Pool()\n`,
        // threads, not processes
        'from concurrent.futures import ThreadPoolExecutor\npool = ThreadPoolExecutor()\n',
        'from multiprocessing.dummy import Pool\npool = Pool()\n',
        'from multiprocessing.pool import ThreadPool\npool = ThreadPool()\n',
        // unknown names
        'from pools import Pool\npool = Pool()\n',
        'pool = Pool()\n',
        // a package's __main__.py is not run again in the workers
        { code: `${IMPORT}pool = ProcessPoolExecutor()\n`, path: 'tool/__main__.py' },
      ],
      invalid: [
        {
          code: `${IMPORT}\ndef square(n):\n    return n * n\n\nwith ProcessPoolExecutor() as pool:\n    print(list(pool.map(square, range(3))))\n`,
          errors: ['5:5-5:26'],
          output: null,
        },
        {
          // module spellings
          code: [
            'import multiprocessing',
            'import multiprocessing as mp',
            'import concurrent.futures',
            'from multiprocessing import Pool, Process',
            'a = multiprocessing.Pool(4)',
            'b = mp.Process(target=print)',
            'c = concurrent.futures.ProcessPoolExecutor(max_workers=2)',
            'd = Pool()',
            'e = [Process(target=print) for _ in range(2)]',
            '',
          ].join('\n'),
          errors: ['4:4-4:27', '5:4-5:28', '6:4-6:57', '7:4-7:10', '8:5-8:26'],
          output: null,
        },
        {
          // the `else` of the guard runs on import
          code: `${IMPORT}if __name__ == "__main__":\n    pass\nelse:\n    pool = ProcessPoolExecutor()\n`,
          errors: ['4:11-4:32'],
          output: null,
        },
        {
          // the body of `!=`, an `or`, other conditions, the `if` condition itself
          code: `${IMPORT}import sys\nif __name__ != "__main__":\n    a = ProcessPoolExecutor()\nif __name__ == "__main__" or sys.argv:\n    b = ProcessPoolExecutor()\nif sys.argv:\n    c = ProcessPoolExecutor()\nif ProcessPoolExecutor():\n    pass\n`,
          errors: ['3:8-3:29', '5:8-5:29', '7:8-7:29', '8:3-8:24'],
          output: null,
        },
        {
          // a different comparison is no guard
          code: `${IMPORT}if __name__ == "main":\n    pool = ProcessPoolExecutor()\nif __name__ is "__main__":\n    pool = ProcessPoolExecutor()\n`,
          errors: ['2:11-2:32', '4:11-4:32'],
          output: null,
        },
        {
          // under try, with and for at module level
          code: `import multiprocessing\ntry:\n    with multiprocessing.Pool() as pool:\n        pass\nexcept OSError:\n    pass\n`,
          errors: ['2:9-2:31'],
          output: null,
        },
      ],
    },
    it,
  );
});
