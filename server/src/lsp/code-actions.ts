// textDocument/codeAction and codeAction/resolve. Quick-fixes and "Disable PPxxx for
// this line" come from the diagnostics under the range. Fix-all (every safe fix, applied
// pass after pass: up to a second on a big file) is computed only when the request's
// `only` asks for it (source, source.fixAll, source.fixAll.pythonic: the editor's
// "fix all" and fix-on-save); a request without `only` (VS Code sends one on every
// cursor move) gets at most a lazy fix-all action, completed in codeAction/resolve.
// In a notebook cell (notebooks.ts) the actions are the cell's: a fix that would reach
// into another cell is not offered, and fix-all edits each cell it changes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from './vscode-languageserver';
import { findPyproject } from '../config-file';
import { fixAll, noqaEdit, SourceFile, type Diagnostic, type Settings } from '../engine';
import { addPerFileIgnore } from '../pyproject-edit';
import { changedStretch, comparePositions, lineStartsOf, offsetToPosition } from '../engine/source';
import { fixNotebook } from '../notebook-fix';
import type { Parser } from '../parser';
import { throwIfCancelled } from './cancellation';
import { toLspDiagnostic } from './diagnostics';
import type { PythonDocument } from './documents';
import type { DocumentView } from './notebooks';
import { checkOnly, checkRange, documentUri } from './params';
import type { Scheduler } from './scheduler';
import type { ServerStats } from './stats';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pythonic`;
const FIX_ALL_TITLE = 'Fix all safe Pythonic problems';

export interface CodeActionOptions {
  view: (uri: string) => DocumentView | undefined;
  scheduler: Scheduler;
  settingsFor: (doc: PythonDocument) => Promise<Settings>;
  parser: () => Parser | undefined;
  stats: ServerStats;
  logError: (message: string, error?: unknown) => void;
  /** The folder where a new pyproject.toml for `file` goes when there is none above it: its workspace folder. */
  projectFolderFor: (file: string) => string;
}

/** The client command that opens a rule's documentation (package.json `contributes.commands`). */
const SHOW_RULE_DOCS = 'pythonic.showRuleDocs';

/** What codeAction/resolve needs to complete a lazy fix-all action. */
interface FixAllData {
  uri: string;
}

/** Whether a request's `only` asks for `kind` (a requested kind covers its sub-kinds). */
function asks(only: readonly string[], kind: string): boolean {
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

export class CodeActions {
  private resolveSupported = false;
  private canCreateFiles = false;

  constructor(private readonly options: CodeActionOptions) {}

  initialize(params: InitializeParams): void {
    this.resolveSupported = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
    this.canCreateFiles = params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') ?? false;
  }

  register(connection: Connection): void {
    const { view, scheduler, stats, logError } = this.options;
    /** The view of `uri` once its document is current, or null when it went away meanwhile. */
    const currentView = async (uri: string, doc: PythonDocument, token: CancellationToken) => {
      await scheduler.untilCurrent(doc, token);
      const current = view(uri);
      return current?.doc === doc ? current : null;
    };
    connection.onCodeAction(async (params, token) => {
      throwIfCancelled(token, stats);
      const uri = documentUri(params);
      const range = checkRange(params.range, 'range');
      const only = checkOnly(params.context);
      const doc = view(uri)?.doc;
      if (!doc) return null;
      const current = await currentView(uri, doc, token);
      if (!current) return null;
      try {
        const actions = !only || asks(only, CodeActionKind.QuickFix) ? this.quickFixes(uri, current, range) : [];
        const fixable = current.diagnostics().some((d) => d.fix?.safety === 'safe');
        if (fixable && only && asks(only, FIX_ALL_KIND)) {
          const settings = doc.settings ?? (await this.options.settingsFor(doc));
          throwIfCancelled(token, stats);
          const changes = view(uri)?.doc === doc ? this.fixAllChanges(current, settings) : null;
          if (changes) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: { changes } });
        } else if (fixable && !only && this.resolveSupported) {
          const data: FixAllData = { uri };
          actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data });
        }
        return actions;
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        logError(`code actions failed in ${uri}`, error);
        return null;
      }
    });

    connection.onCodeActionResolve(async (action, token) => {
      throwIfCancelled(token, stats);
      const uri = (action.data as FixAllData | undefined)?.uri;
      const doc = uri === undefined ? undefined : view(uri)?.doc;
      if (action.kind !== FIX_ALL_KIND || !doc || doc.overLimit) return action;
      const settings = await this.options.settingsFor(doc);
      throwIfCancelled(token, stats);
      const current = view(uri!);
      if (current?.doc !== doc) return action;
      // The text is always current (changes are applied on arrival); fix-all parses it afresh.
      return { ...action, edit: { changes: this.fixAllChanges(current, settings) ?? {} } };
    });
  }

  /** The quick fixes for the diagnostics of `uri` (seen through `view`) that touch `range`. */
  private quickFixes(uri: string, view: DocumentView, range: Range): CodeAction[] {
    const actions: CodeAction[] = [];
    const { start, end } = range;
    const { doc } = view;
    const touching = view.diagnostics().filter((d) => comparePositions(d.range.start, end) <= 0 && comparePositions(start, d.range.end) <= 0);
    const tree = touching.length > 0 ? this.options.scheduler.treeFor(doc) : null;
    const source = tree ? new SourceFile(doc.text, tree, doc.uri) : null;
    for (const d of touching) {
      const lspDiagnostic = toLspDiagnostic(d);
      if (d.fix) {
        actions.push({
          title: `${d.fix.title} (${d.code})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [lspDiagnostic],
          isPreferred: d.fix.safety === 'safe',
          edit: { changes: { [uri]: d.fix.edits } },
        });
      }
      const line = view.toAnalysed(d.range.start)?.line;
      const suppress = source && line !== undefined ? noqaEdit(source, line, d.code) : null;
      const suppressRange = suppress && view.fromAnalysed(suppress.range);
      if (suppressRange) {
        actions.push({
          title: `Disable ${d.code} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [lspDiagnostic],
          edit: { changes: { [uri]: [{ range: suppressRange, newText: suppress!.newText }] } },
        });
      }
      if (!d.code) continue;
      // The file's entry: a notebook cell's diagnostic is ignored for the whole notebook.
      const ignore = this.perFileIgnoreEdit(doc.uri, d.code);
      if (ignore) {
        actions.push({ title: `Ignore ${d.code} in this file (pyproject.toml \`per-file-ignores\`)`, kind: CodeActionKind.QuickFix, diagnostics: [lspDiagnostic], edit: ignore });
      }
      actions.push(showDocs(d, lspDiagnostic));
    }
    return actions;
  }

  /**
   * The edit adding `code` for the document's file to `[tool.pythonic.per-file-ignores]` of
   * the nearest pyproject.toml (made when there is none, if the client can create files);
   * null for a document that is no file, or a pyproject.toml this cannot edit.
   */
  private perFileIgnoreEdit(uri: string, code: string): WorkspaceEdit | null {
    if (!uri.startsWith('file:')) return null;
    const file = fileURLToPath(uri);
    const existing = findPyproject(path.dirname(file));
    const pyproject = existing ?? path.join(this.options.projectFolderFor(file), 'pyproject.toml');
    const glob = path.relative(path.dirname(pyproject), file).split(path.sep).join('/');
    const target = pathToFileURL(pyproject).toString();
    if (!existing) {
      const text = this.canCreateFiles ? addPerFileIgnore('', glob, code) : null;
      if (text === null) return null;
      const start = { line: 0, character: 0 };
      return {
        documentChanges: [
          { kind: 'create', uri: target, options: { ignoreIfExists: true } },
          { textDocument: { uri: target, version: null }, edits: [{ range: { start, end: start }, newText: text }] },
        ],
      };
    }
    let before: string;
    try {
      before = fs.readFileSync(existing, 'utf8');
    } catch {
      return null;
    }
    const after = addPerFileIgnore(before, glob, code);
    return after === null ? null : { changes: { [target]: [minimalEdit(before, after)] } };
  }

  /** Every safe fix, as one edit per document it changes (each cell of a notebook); null when none applies. */
  private fixAllChanges(view: DocumentView, settings: Settings): Record<string, TextEdit[]> | null {
    const parser = this.options.parser();
    if (!parser) return null;
    this.options.stats.fixAllComputations++;
    const { doc } = view;
    const cells = view.cells();
    if (cells) {
      const fixed = fixNotebook({ parser, cells: cells.map((c) => c.text), settings, path: doc.uri, unsafe: false });
      const changed = cells.flatMap((c, i) => (fixed.cells[i] === c.text ? [] : [[c.uri, [minimalEdit(c.text, fixed.cells[i])]] as [string, TextEdit[]]]));
      return changed.length > 0 ? Object.fromEntries(changed) : null;
    }
    const fixed = fixAll({ parser, text: doc.text, settings, path: doc.uri, unsafe: false });
    return fixed.applied > 0 ? { [doc.uri]: [minimalEdit(doc.text, fixed.text)] } : null;
  }
}

function showDocs(d: Diagnostic, lspDiagnostic: LspDiagnostic): CodeAction {
  const title = `Show documentation for ${d.code}`;
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [lspDiagnostic], command: { title, command: SHOW_RULE_DOCS, arguments: [d.code] } };
}

/** One edit covering only the span that differs, so the editor keeps cursor and folding elsewhere. */
function minimalEdit(before: string, after: string): TextEdit {
  const { start, end } = changedStretch(before, after);
  const starts = lineStartsOf(before);
  return {
    range: { start: offsetToPosition(before, start, starts), end: offsetToPosition(before, before.length - (after.length - end), starts) },
    newText: after.slice(start, end),
  };
}
