// The status bar item: the server's state at a glance while a Python editor or a
// notebook is active. Clicking it opens the output channel (`pythonic.showOutput`).
import { StatusBarAlignment, window, type Disposable, type StatusBarItem } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

export const SHOW_OUTPUT_COMMAND = 'pythonic.showOutput';

const LOOK: Record<State, { text: string; tooltip: string }> = {
  [State.Starting]: { text: '$(sync~spin) Pythonic', tooltip: 'Pythonic: the server is starting' },
  [State.Running]: { text: '$(check) Pythonic', tooltip: 'Pythonic: the server is running' },
  [State.Stopped]: { text: '$(error) Pythonic', tooltip: 'Pythonic: the server is not running (it was stopped or it crashed)' },
  [State.StartFailed]: { text: '$(error) Pythonic', tooltip: 'Pythonic: the server could not start' },
};

/** What the status bar item shows, for the extension's test API. */
export interface StatusSnapshot {
  text: string;
  tooltip: string;
  command: string;
  visible: boolean;
}

export class ServerStatus implements Disposable {
  private readonly item: StatusBarItem;
  private visible = false;
  private readonly subscriptions: Disposable[];

  constructor(client: LanguageClient) {
    this.item = window.createStatusBarItem('pythonic.status', StatusBarAlignment.Right, 100);
    this.item.name = 'Pythonic';
    this.item.command = SHOW_OUTPUT_COMMAND;
    this.show(client.state);
    this.subscriptions = [
      client.onDidChangeState(({ newState }) => this.show(newState)),
      window.onDidChangeActiveTextEditor(() => this.updateVisibility()),
      window.onDidChangeActiveNotebookEditor(() => this.updateVisibility()),
    ];
    this.updateVisibility();
  }

  snapshot(): StatusSnapshot {
    return { text: this.item.text, tooltip: String(this.item.tooltip), command: SHOW_OUTPUT_COMMAND, visible: this.visible };
  }

  private show(state: State): void {
    const { text, tooltip } = LOOK[state];
    this.item.text = text;
    this.item.tooltip = `${tooltip}. Click to open its output.`;
  }

  private updateVisibility(): void {
    this.visible = window.activeTextEditor?.document.languageId === 'python' || window.activeNotebookEditor !== undefined;
    if (this.visible) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
