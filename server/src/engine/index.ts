// The engine's public surface, shared by the CLI, the language server, the tests and the bench.
export { analyze, analyzeInSteps, BINDING_SITES_TIMING, SCOPE_TIMING, type AnalysisCache, type AnalysisResult, type AnalyzeInput, type RuleError } from './analyze';
export { analyzeEdit, editStats, type AnalyzeEditInput, type TextChange } from './analyze-edit';
export { applyEdits, compatibleFixes } from './fixes';
export { fixAll, fixesToApply, MAX_FIX_PASSES, type FixAllResult } from './fix-all';
export { hover, type HoverResult } from './hover';
export { explain, explainableNames, type ExplainResult } from './explain';
export { ruleDocsMarkdown } from './rule-docs';
export { findRule, RULES, RULES_BY_CODE } from './rules';
export type { Rule, RuleMeta } from './rule';
export { DEFAULT_SETTINGS, parseSettings, settingsSchema, type Settings } from './settings';
export type { Diagnostic, Fix, Position, Range, Severity, TextEdit } from './types';
export { noqaEdit } from './noqa';
export { compareCodes, parsePython, pythonLines, SourceFile } from './source';
export { refuseSource, type SourceRefusal } from './refuse-source';
export { parseInSteps, PARSE_SLICE_CHARS } from './parse-in-steps';
