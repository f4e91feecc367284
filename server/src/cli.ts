// `pythonic`: the command-line face of the engine, for CI and for editors other
// than VS Code (`pythonic server --stdio`).
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { analyze, explain, explainableNames, findRule, fixAll, parseSettings, ruleDocsMarkdown, RULES, type Diagnostic, type Settings } from './engine';
import { TARGET_VERSIONS } from './engine/settings';
import { loadProjectConfig, type ProjectConfig } from './config-file';
import { buildScopeTree } from './engine/scope';
import { scopeToJson, scopeToText } from './engine/scope/output';
import { collectPythonFiles, decodeSource, encodeSource, UsageError } from './files';
import { createParser, type Parser } from './parser';

const VERSION = '0.1.0';

const HELP = `pythonic ${VERSION} — Pythonic Python checks, explanations and fixes

Usage:
  pythonic check [options] PATH...   check files and directories (recurses into *.py)
  pythonic rule CODE                 print a rule's documentation (also: --all)
  pythonic explain NAME              explain a dunder, keyword, library name or rule code
                                     (e.g. __hash__, nonlocal, functools.partial; --list for all)
  pythonic scopes [--format text|json] FILE
                                     print every scope of FILE and where each name lives,
                                     as Python's symtable classifies them
  pythonic server --stdio            run the language server on stdin/stdout
  pythonic --help | --version

Options for check:
  --format text|json         output format (default: text)
  --select CODES             comma-separated codes or prefixes to run (default: all)
  --ignore CODES             comma-separated codes or prefixes to skip
  --fix                      apply safe fixes in place
  --unsafe-fixes             with --fix, also apply unsafe fixes
  --target-version pyXY      oldest Python the code supports (default: py310)

Settings also come from [tool.pythonic] in the nearest pyproject.toml above the
working directory (select, ignore, severity, target-version); flags win.

Exit status: 0 no problems, 1 problems reported, 2 usage or I/O error.
`;

interface Output {
  out: string[];
  err: string[];
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io: Output = { out: [], err: [] };
  let code: number;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out.push(HELP);
        code = command === undefined ? 2 : 0;
        break;
      case '-V':
      case '--version':
        io.out.push(`pythonic ${VERSION}\n`);
        code = 0;
        break;
      case 'check':
        code = await check(rest, io);
        break;
      case 'rule':
        code = rule(rest, io);
        break;
      case 'explain':
        code = explainCommand(rest, io);
        break;
      case 'scopes':
        code = await scopesCommand(rest, io);
        break;
      case 'server':
        return await serve(rest);
      default:
        throw new UsageError(`unknown command '${command}' (try: pythonic --help)`);
    }
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError && 'code' in error)) throw error;
    io.err.push(`pythonic: ${error.message}\n`);
    code = 2;
  }
  await flush(io);
  return code;
}

/** Writes everything and waits until the streams drained, so a pipe receives output of any size whole. */
async function flush(io: Output): Promise<void> {
  const write = (stream: NodeJS.WriteStream, chunks: string[]) =>
    new Promise<void>((resolve) => (chunks.length ? stream.write(chunks.join(''), () => resolve()) : resolve()));
  await write(process.stdout, io.out);
  await write(process.stderr, io.err);
}

function codeList(value: string | undefined, flag: string): string[] | undefined {
  if (value === undefined) return undefined;
  const codes = value.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
  for (const c of codes) {
    if (c !== 'ALL' && !RULES.some((r) => r.meta.code.startsWith(c))) throw new UsageError(`${flag}: '${c}' matches no rule`);
  }
  return codes;
}

async function check(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      select: { type: 'string' },
      ignore: { type: 'string' },
      fix: { type: 'boolean', default: false },
      'unsafe-fixes': { type: 'boolean', default: false },
      'target-version': { type: 'string' },
    },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not '${values.format}'`);
  const target = values['target-version'];
  if (target !== undefined && !(TARGET_VERSIONS as readonly string[]).includes(target)) {
    throw new UsageError(`--target-version must be one of ${TARGET_VERSIONS.join(', ')}`);
  }
  if (positionals.length === 0) throw new UsageError('check needs at least one PATH');
  const settings = projectSettings(io, {
    ...(values.select !== undefined && { select: codeList(values.select, '--select') }),
    ...(values.ignore !== undefined && { ignore: codeList(values.ignore, '--ignore') }),
    ...(target !== undefined && { targetVersion: target }),
  });
  const files = collectPythonFiles(positionals);
  const parser = await createParser();
  const reported: Array<{ path: string; diagnostic: Diagnostic }> = [];
  let fixedCount = 0;
  let ioErrors = 0;

  for (const file of files) {
    const result = checkFile({ file, parser, settings, fix: values.fix, unsafe: values['unsafe-fixes'], io });
    if (!result) {
      ioErrors++;
      continue;
    }
    fixedCount += result.fixed;
    for (const diagnostic of result.diagnostics) reported.push({ path: file, diagnostic });
  }

  if (values.format === 'json') {
    io.out.push(
      JSON.stringify(
        {
          version: 1,
          files: files.length,
          diagnostics: reported.map(({ path, diagnostic: d }) => ({
            path,
            code: d.code,
            name: d.name,
            severity: d.severity,
            message: d.message,
            range: d.range,
            fix: d.fix,
          })),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.out.push(textReport(reported, fixedCount));
  }
  if (ioErrors > 0) return 2;
  return reported.length > 0 ? 1 : 0;
}

/** `[tool.pythonic]` from the nearest pyproject.toml above the working directory, under the flags. */
function projectSettings(io: Output, flags: Record<string, unknown>): Settings {
  let project: ProjectConfig | null;
  try {
    project = loadProjectConfig(process.cwd());
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (project) {
    for (const key of project.unknownKeys) io.err.push(`pythonic: ${project.file}: unknown key '${key}' in [tool.pythonic], ignored\n`);
    const parsed = parseSettings(project.values);
    for (const [key, value] of Object.entries(project.values)) {
      if (JSON.stringify(parsed[key as keyof Settings]) !== JSON.stringify(value)) {
        io.err.push(`pythonic: ${project.file}: invalid value for '${key}' in [tool.pythonic], using the default\n`);
      }
    }
  }
  return parseSettings({ ...project?.values, ...flags });
}

interface CheckFileInput {
  file: string;
  parser: Parser;
  settings: Settings;
  fix: boolean;
  unsafe: boolean;
  io: Output;
}

function checkFile({ file, parser, settings, fix, unsafe, io }: CheckFileInput): { diagnostics: Diagnostic[]; fixed: number } | null {
  let decoded;
  try {
    decoded = decodeSource(fs.readFileSync(file));
  } catch (error) {
    io.err.push(`pythonic: ${file}: ${(error as Error).message}\n`);
    return null;
  }
  let text = decoded.text;
  let fixed = 0;
  if (fix) {
    const result = fixAll({ parser, text, settings, path: file, unsafe });
    if (result.applied > 0) {
      const bytes = encodeSource(decoded, result.text);
      if (bytes) {
        fs.writeFileSync(file, bytes);
        text = result.text;
        fixed = result.applied;
      } else {
        io.err.push(`pythonic: ${file}: fixes not written, cannot encode the result as ${decoded.encoding}\n`);
      }
    }
  }
  const tree = parser.parse(text);
  if (!tree) {
    io.err.push(`pythonic: ${file}: the parser gave up on this file\n`);
    return null;
  }
  try {
    const { diagnostics } = analyze({
      tree,
      text,
      settings,
      path: file,
      onRuleError: ({ code, error }) => io.err.push(`pythonic: rule ${code} failed on ${file}: ${String(error)}\n`),
    });
    return { diagnostics, fixed };
  } finally {
    tree.delete();
  }
}

function textReport(reported: Array<{ path: string; diagnostic: Diagnostic }>, fixedCount: number): string {
  const lines = reported.map(({ path, diagnostic: d }) => {
    const marker = d.fix?.safety === 'safe' ? ' [*]' : '';
    return `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.code}${marker} ${d.message}`;
  });
  const safe = reported.filter((r) => r.diagnostic.fix?.safety === 'safe').length;
  const unsafe = reported.filter((r) => r.diagnostic.fix?.safety === 'unsafe').length;
  const summary: string[] = [];
  if (fixedCount > 0) summary.push(`Fixed ${fixedCount} ${fixedCount === 1 ? 'problem' : 'problems'}.`);
  if (reported.length > 0) {
    summary.push(`Found ${reported.length} ${reported.length === 1 ? 'problem' : 'problems'}.`);
    if (safe > 0) summary.push(`[*] ${safe} fixable with --fix.`);
    if (unsafe > 0) summary.push(`${unsafe} more fixable with --fix --unsafe-fixes.`);
  } else if (fixedCount === 0) {
    summary.push('All checks passed.');
  }
  return [...lines, ...(lines.length ? [''] : []), ...summary].join('\n') + '\n';
}

function rule(args: string[], io: Output): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { all: { type: 'boolean', default: false } } });
  if (values.all) {
    io.out.push(RULES.map(ruleDocsMarkdown).join('\n'));
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('rule needs one rule code, e.g. pythonic rule PP401');
  const found = findRule(positionals[0]);
  if (!found) throw new UsageError(`unknown rule '${positionals[0]}'; known: ${RULES.map((r) => r.meta.code).join(', ')}`);
  io.out.push(ruleDocsMarkdown(found));
  return 0;
}

function explainCommand(args: string[], io: Output): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { list: { type: 'boolean', default: false } } });
  if (values.list) {
    io.out.push(explainableNames().map(({ name, kind }) => `${name}  (${kind})`).join('\n') + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('explain needs one name, e.g. pythonic explain __hash__');
  const result = explain(positionals[0]);
  if (result.found) {
    io.out.push(result.markdown);
    return 0;
  }
  io.err.push(`pythonic: nothing to explain for '${positionals[0]}'\n`);
  io.err.push(
    result.suggestions.length
      ? `Did you mean: ${result.suggestions.join(', ')}?\n`
      : 'Did you mean one of the names that `pythonic explain --list` prints?\n',
  );
  return 1;
}

async function scopesCommand(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not '${values.format}'`);
  if (positionals.length !== 1) throw new UsageError('scopes needs one FILE, e.g. pythonic scopes --format json app.py');
  const [file] = positionals;
  let text: string;
  try {
    text = decodeSource(fs.readFileSync(file)).text;
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  const parser = await createParser();
  const tree = parser.parse(text);
  if (!tree) throw new UsageError(`${file}: the parser gave up on this file`);
  try {
    const top = scopeToJson(buildScopeTree(tree.rootNode).module);
    io.out.push(values.format === 'json' ? JSON.stringify({ scopes: [top] }, null, 2) + '\n' : scopeToText(top) + '\n');
    return 0;
  } finally {
    tree.delete();
  }
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { stdio: { type: 'boolean', default: false } } });
  if (!values.stdio) throw new UsageError('server supports --stdio only');
  const { startStdioServer } = await import('./lsp');
  await startStdioServer();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`pythonic: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
