// talisman ships no types; this is the one module the engine uses.
declare module 'talisman/metrics/damerau-levenshtein' {
  /** Edit distance where a swap of two neighbouring characters counts as one edit (optimal string alignment). */
  export default function damerauLevenshtein(a: string, b: string): number;
}
