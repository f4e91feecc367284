// "Pythonic: Check Workspace": asks the server to check every Python file of the
// workspace folders from disk, with a cancellable progress notification fed by the
// server's `$/progress` reports. The results land in the Problems panel for files that
// are not open; open files keep their live diagnostics.
import { randomUUID } from 'node:crypto';
import { ProgressLocation, window, workspace, type Disposable } from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceParams, type CheckWorkspaceResult, type WorkspaceFolderToCheck } from '../../shared/protocol';

/** The folders on disk, each with the `files.exclude` globs that are switched on for it. */
function foldersToCheck(): WorkspaceFolderToCheck[] {
  return (workspace.workspaceFolders ?? [])
    .filter((folder) => folder.uri.scheme === 'file')
    .map((folder) => {
      const excludes = workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude') ?? {};
      return { uri: folder.uri.toString(), exclude: Object.keys(excludes).filter((glob) => excludes[glob] === true) };
    });
}

export type CheckOutcome = CheckWorkspaceResult | 'cancelled' | 'nothing to check';

export async function checkWorkspace(client: LanguageClient): Promise<CheckOutcome> {
  const folders = foldersToCheck();
  if (folders.length === 0) {
    void window.showInformationMessage('Pythonic: Check Workspace needs a folder on disk; this window has none.');
    return 'nothing to check';
  }
  const outcome = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'Pythonic: checking the workspace', cancellable: true },
    async (progress, cancellation): Promise<CheckOutcome> => {
      const workDoneToken = randomUUID();
      let reported = 0;
      const listener: Disposable = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== 'report') return;
        const { message, percentage = reported } = value as WorkDoneProgressReport;
        progress.report({ message, increment: percentage - reported });
        reported = percentage;
      });
      try {
        const params: CheckWorkspaceParams = { folders, workDoneToken };
        return await client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, params, cancellation);
      } catch (error) {
        if (cancellation.isCancellationRequested) return 'cancelled';
        throw error;
      } finally {
        listener.dispose();
      }
    },
  );
  // Told once the progress notification has gone, not beside it.
  if (typeof outcome === 'object') void window.showInformationMessage(summary(outcome));
  return outcome;
}

function summary({ files, skippedOpen, problems, failures }: CheckWorkspaceResult): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [`Pythonic checked ${plural(files - skippedOpen, 'file')}: ${plural(problems, 'problem')}`];
  if (skippedOpen > 0) parts.push(`${plural(skippedOpen, 'open file')} kept ${skippedOpen === 1 ? 'its' : 'their'} live results`);
  if (failures > 0) parts.push(`${plural(failures, 'file')} could not be read or parsed (see the output)`);
  return `${parts.join('; ')}.`;
}
