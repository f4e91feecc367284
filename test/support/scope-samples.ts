// Python shared by the scope hover tests (engine-level and over the wire); the
// comments give 1-based line numbers, which the expected wordings quote.
export const AVERAGER = [
  'import os', //                           1
  'from os import path', //                 2
  'total = 0', //                           3
  '',
  'def make_averager():', //                5
  '    total = 0', //                       6
  '    count = 0', //                       7
  '    def averager(new_value):', //        8
  '        nonlocal total, count', //       9
  '        total += new_value', //          10
  '        count += 1', //                  11
  '        return total / count', //        12
  '    return averager', //                 13
  '',
  'class Scorer:', //                       15
  '    limit = 10', //                      16
  '    def over(self, score):', //          17
  '        best = max(score, total)', //    18
  '        print(limit, path)', //          19
  '        return best', //                 20
].join('\n');
