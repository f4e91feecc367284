// Plain data shared by the engine, the CLI and the language server. Positions are
// LSP positions: 0-based lines and UTF-16 code units, which is also what
// web-tree-sitter reports for a JavaScript string.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type FixSafety = 'safe' | 'unsafe';

export interface Fix {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
}

export interface Diagnostic {
  /** The rule's code; '' for a problem with the whole file that no rule reports (a NUL byte, see refuse-source.ts). */
  code: string;
  name: string;
  severity: Severity;
  message: string;
  range: Range;
  fix: Fix | null;
}
