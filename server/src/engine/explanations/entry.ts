// The shape of one entry in the explanation tables. Every table (dunders,
// keywords, library idioms, builtin types) is a record of these, keyed by the
// name a reader types or hovers: `__hash__`, `nonlocal`, `functools.partial`.

export interface Explanation {
  /** Heading, when it should differ from the key (`else` on a `for` loop). */
  title?: string;
  /** One line: what it is or does. */
  summary: string;
  /** What makes Python use it: `len(x)` calls `__len__`; when an `else` block runs. */
  trigger: string;
  /** Keys of entries that belong with this one (`__eq__` <-> `__hash__`). Listed on both sides. */
  partners?: readonly string[];
  /** Two to six lines of Python that compile. */
  example: string;
  /** Link to the Python documentation. */
  docs: string;
  /** Other words a reader may look it up by (`pythonic explain else`). */
  aliases?: readonly string[];
  /** Keyword arguments worth knowing, by name; a hover shows the ones the code passes. */
  options?: Readonly<Record<string, string>>;
  /** For builtin types: whether values can change in place, and whether they can be hashed. */
  mutability?: Mutability;
}

export interface Mutability {
  mutable: boolean;
  hashable: 'always' | 'never' | 'when every item is';
}

export type ExplanationKind =
  | 'special method'
  | 'special attribute'
  | 'keyword'
  | 'library'
  | 'builtin type'
  | 'builtin function'
  | 'builtin constant'
  | 'naming'
  | 'concept';

/** The library reference, where most entries link. */
export const LIBRARY = 'https://docs.python.org/3/library';

/** Joins lines of an example, so tables can keep Python indentation readable. */
export function lines(...text: string[]): string {
  return text.join('\n');
}
