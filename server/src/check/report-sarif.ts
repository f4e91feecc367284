// `--format sarif`: a SARIF 2.1.0 log, the format GitHub code scanning and other
// dashboards import. Every rule is described once in `tool.driver.rules` (from the
// same metadata as `pythonic rule` and the docs pages); results point at them by
// index. Columns are UTF-16 code units, which is what the engine's positions count.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsMarkdown, type Range, type Rule, type Severity, type TextEdit } from '../engine';
import { PROJECT_URL, ruleDocsUrl } from '../project';
import type { ReportInput } from './report';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

const RULE_INDEX = new Map(RULES.map((r, index) => [r.meta.code, index]));

function describeRule(rule: Rule) {
  const { meta } = rule;
  return {
    id: meta.code,
    name: meta.name,
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.docs.whatItDoes },
    help: { text: `${meta.docs.whatItDoes}\n\n${meta.docs.whyIsThisBad}`, markdown: ruleDocsMarkdown(rule) },
    helpUri: ruleDocsUrl(meta.code),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { fix: meta.fix },
  };
}

/** 1-based lines and columns; an empty region (start = end) is an insertion point. */
function region({ start, end }: Range) {
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** Relative to `%SRCROOT%` (the working directory) when the file is below it, else an absolute file URI. */
function artifactLocation(file: string, cwd: string) {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** SARIF asks for messages that are whole sentences. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function sarifReport({ reported, cwd, version, failed }: ReportInput): string {
  const results = reported.map(({ path: file, diagnostic: d }) => {
    const location = artifactLocation(file, cwd);
    const index = RULE_INDEX.get(d.code);
    return {
      ruleId: d.code || d.name,
      ...(index !== undefined && { ruleIndex: index }),
      level: LEVEL[d.severity],
      message: { text: sentence(d.message) },
      locations: [{ physicalLocation: { artifactLocation: location, region: region(d.range) } }],
      ...(d.fix && {
        fixes: [
          {
            description: { text: sentence(d.fix.title) },
            artifactChanges: [
              {
                artifactLocation: location,
                replacements: d.fix.edits.map((e: TextEdit) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
              },
            ],
          },
        ],
      }),
    };
  });
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'pythonic', version, semanticVersion: version, informationUri: PROJECT_URL, rules: RULES.map(describeRule) },
        },
        invocations: [{ executionSuccessful: !failed }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
