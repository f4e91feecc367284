// Virtual workspaces (GitHub Repositories: `vscode-vfs:`, and the like) hold no files on
// disk, but their Python documents are analysed like any other: the server reads only
// the text the editor sends, and looks for pyproject.toml only beside `file:` documents.
// Only the schemes of the window's own folders are added: other non-file documents
// (a diff's `git:` side, an output channel) are not the user's code to check.
import { workspace } from 'vscode';
import type { DocumentFilter } from 'vscode-languageclient/node';

const ALWAYS_COVERED = new Set(['file', 'untitled', 'vscode-notebook-cell']);

export function virtualWorkspaceSelectors(): DocumentFilter[] {
  const schemes = new Set((workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme).filter((scheme) => !ALWAYS_COVERED.has(scheme)));
  return [...schemes].map((scheme) => ({ scheme, language: 'python' }));
}
