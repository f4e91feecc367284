// Custom messages between the VS Code client and the server, typed once for both sides.

/** "Pythonic: Check Workspace": the server checks the Python files below `folders` from disk. */
export const CHECK_WORKSPACE_REQUEST = 'pythonic/checkWorkspace';

export interface WorkspaceFolderToCheck {
  /** A `file:` URI; other schemes cannot be read from disk and are skipped. */
  uri: string;
  /**
   * Globs (VS Code's `files.exclude` syntax) of paths to leave out, matched against the path
   * relative to the folder and against each folder on the way there.
   */
  exclude?: string[];
}

export interface CheckWorkspaceParams {
  folders: WorkspaceFolderToCheck[];
  /** A `$/progress` token: the server reports `n/total` per file under it. */
  workDoneToken?: string | number;
}

export interface CheckWorkspaceResult {
  /** Python files found below the folders. */
  files: number;
  /** Of those, open in the editor: they keep their live diagnostics and are not read from disk. */
  skippedOpen: number;
  /** Diagnostics published for the files read from disk. */
  problems: number;
  /** Files that could not be read, decoded or parsed (each logged). */
  failures: number;
}
