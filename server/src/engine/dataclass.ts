// What `@dataclasses.dataclass` makes of a class, read from the decorator and the
// class body's own statements: the options it was given and which annotated names
// become fields. Shared by the dataclass rules.
import type { Node } from '../parser';
import { qualifiedName, type ModuleView } from './module-facts';
import { statementsOf } from './python';
import type { RuleContext } from './rule';
import type { SourceFile } from './source';

/** An option given as a literal `True`/`False`, its default when left out, null when it is an expression (unknown). */
export type Flag = boolean | null;

export interface DataclassOptions {
  frozen: Flag;
  eq: Flag;
  /** The decorator (`@dataclass(frozen=True)`). */
  decorator: Node;
}

export interface DataclassField {
  name: Node;
  /** The annotation as written, without the quotes of a string annotation. */
  annotation: string;
  value: Node | null;
}

/** The literal `True`/`False` a keyword argument is given, null for anything else. */
export function literalFlag(value: Node | null): Flag {
  if (value?.type === 'true') return true;
  if (value?.type === 'false') return false;
  return null;
}

/** The keyword arguments of a call, by name; `**options` makes every keyword unknown (null). */
export function keywordArguments(call: Node): Map<string, Node> | null {
  const result = new Map<string, Node>();
  for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (argument?.type === 'dictionary_splat') return null;
    if (argument?.type !== 'keyword_argument') continue;
    const name = argument.childForFieldName('name');
    const value = argument.childForFieldName('value');
    if (name && value) result.set(name.text, value);
  }
  return result;
}

function isDataclassDecorator(callee: Node | null, facts: ModuleView): boolean {
  // (an alias such as `from dataclasses import dataclass as data` counts too)
  if (!callee || (callee.type !== 'identifier' && callee.type !== 'attribute')) return false;
  return qualifiedName(callee, facts) === 'dataclasses.dataclass';
}

/** The options of the `dataclasses.dataclass` decorator on a `class_definition`, or null when it has none. */
export function dataclassOptions(cls: Node, context: RuleContext): DataclassOptions | null {
  const decorated = context.parentOf(cls);
  if (decorated?.type !== 'decorated_definition') return null;
  for (const decorator of decorated.namedChildren) {
    if (decorator?.type !== 'decorator') continue;
    const expression = decorator.namedChild(0);
    if (!expression) continue;
    const call = expression.type === 'call' ? expression : null;
    if (!isDataclassDecorator(call ? call.childForFieldName('function') : expression, context.module)) continue;
    const options: DataclassOptions = { frozen: false, eq: true, decorator };
    if (call) {
      const keywords = keywordArguments(call);
      options.frozen = keywords ? (keywords.has('frozen') ? literalFlag(keywords.get('frozen')!) : false) : null;
      options.eq = keywords ? (keywords.has('eq') ? literalFlag(keywords.get('eq')!) : true) : null;
    }
    return options;
  }
  return null;
}

/** The text of an annotation, unquoted when it is a plain string (`"list[int]"` -> `list[int]`). */
export function annotationText(annotation: Node, source: SourceFile): string {
  const expression = annotation.type === 'type' ? (annotation.namedChild(0) ?? annotation) : annotation;
  if (expression.type === 'string') {
    const contents = expression.namedChildren.filter((c) => c?.type === 'string_content');
    const start = expression.namedChildren.find((c) => c?.type === 'string_start');
    const interpolated = expression.namedChildren.some((c) => c?.type === 'interpolation');
    if (contents.length === 1 && start && !/[a-z]/i.test(start.text) && !interpolated) return contents[0]!.text.trim();
  }
  return source.textOf(expression);
}

/** Annotations that make a class attribute something other than a field (`ClassVar[...]`, `InitVar[...]`). */
function isPseudoField(annotation: string): boolean {
  return /^(?:\w+\.)*(?:ClassVar|InitVar)\b/.test(annotation);
}

/**
 * The fields a dataclass body declares: `name: annotation` and `name: annotation = value`
 * statements directly in the body, except `ClassVar` and `InitVar` ones. Unannotated
 * class attributes are not fields.
 */
export function dataclassFields(cls: Node, source: SourceFile): DataclassField[] {
  const fields: DataclassField[] = [];
  for (const statement of statementsOf(cls.childForFieldName('body'))) {
    if (statement.type !== 'expression_statement') continue;
    const assignment = statement.namedChild(0);
    if (assignment?.type !== 'assignment') continue;
    const name = assignment.childForFieldName('left');
    const type = assignment.childForFieldName('type');
    if (name?.type !== 'identifier' || !type) continue;
    const annotation = annotationText(type, source);
    if (isPseudoField(annotation)) continue;
    fields.push({ name, annotation, value: assignment.childForFieldName('right') });
  }
  return fields;
}
