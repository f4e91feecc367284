// Hover content: looks up what is under the cursor in the rule metadata and the
// explanation tables. No prose lives here.
import type { Node, Tree } from '../parser';
import { UNDERSCORE_FORMS } from './explanations/underscores';
import { mangle, underscoreForm } from './python';
import { ruleHoverMarkdown } from './rule-docs';
import { RULES_BY_CODE } from './rules';
import { rangeContains } from './source';
import type { Diagnostic, Position, Range } from './types';

export interface HoverInput {
  tree: Tree;
  position: Position;
  /** Diagnostics currently shown for the document. */
  diagnostics: readonly Diagnostic[];
}

export interface HoverResult {
  markdown: string;
  range: Range;
}

export function hover({ tree, position, diagnostics }: HoverInput): HoverResult | null {
  const here = diagnostics.filter((d) => rangeContains(d.range, position));
  if (here.length > 0) {
    const parts = here.flatMap((d) => {
      const rule = RULES_BY_CODE.get(d.code);
      return rule ? [ruleHoverMarkdown(rule, d.message, d.fix !== null)] : [];
    });
    if (parts.length > 0) return { markdown: parts.join('\n\n---\n\n'), range: here[0].range };
  }
  const node = tree.rootNode.descendantForPosition({ row: position.line, column: position.character });
  if (node?.type === 'identifier') return nameHover(node);
  return null;
}

function rangeOf(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/** The innermost class whose body contains the node: the class Python mangles `__x` for. */
function enclosingClassName(node: Node): string | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'class_definition') {
      const body = p.childForFieldName('body');
      if (body && node.startIndex >= body.startIndex) return p.childForFieldName('name')?.text ?? null;
    }
  }
  return null;
}

function nameHover(node: Node): HoverResult | null {
  const name = node.text;
  const form = underscoreForm(name);
  if (!form) return null;
  const entry = UNDERSCORE_FORMS[form];
  const lines = [`**${entry.title.replaceAll('{name}', name)}**`, '', entry.summary.replaceAll('{name}', name)];
  if (form === 'mangled') {
    const className = enclosingClassName(node);
    const mangled = className ? mangle(name, className) : null;
    lines.push(
      '',
      mangled
        ? `Here, inside class \`${className}\`, Python stores and looks it up as \`${mangled}\`.`
        : className
          ? `Class \`${className}\` has only underscores in its name, so Python does not mangle \`${name}\` here.`
          : `This use is outside any class body, so Python does not mangle it here.`,
    );
  }
  lines.push('', '```python', entry.example, '```', '', `[Python docs](${entry.docs})`);
  return { markdown: lines.join('\n'), range: rangeOf(node) };
}
