// The LSP lifecycle, enforced where messages come in. vscode-languageserver answers
// `exit` with the right exit code (0 after `shutdown`, 1 without), but it serves any
// request at any time. The spec asks otherwise:
//  - before `initialize`, a request gets ServerNotInitialized and a notification is
//    dropped (except `exit`);
//  - a second `initialize` gets InvalidRequest;
//  - after `shutdown`, a request gets InvalidRequest and a notification other than
//    `exit` is dropped.
// Checking each message before the connection sees it covers every handler at once.
// Responses (to the server's own requests) always pass.
import {
  ErrorCodes,
  Message,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
} from './vscode-languageserver';

type Phase = 'uninitialized' | 'running' | 'shutDown';

export interface LifecycleOptions {
  reader: MessageReader;
  writer: MessageWriter;
  /** Not the connection's console: before `initialize` is answered the server may not send notifications. */
  log: (message: string) => void;
}

/** A reader that passes on only the messages the lifecycle allows, and answers the requests it does not. */
export function guardLifecycle({ reader, writer, log }: LifecycleOptions): MessageReader {
  let phase: Phase = 'uninitialized';

  const refuse = (request: RequestMessage, code: number, message: string) => {
    log(`${request.method} refused: ${message}`);
    writer.write({ jsonrpc: '2.0', id: request.id, error: { code, message } } as Message).catch(() => undefined);
  };

  const admit = (message: Message): boolean => {
    if (Message.isRequest(message)) {
      if (phase === 'uninitialized') {
        if (message.method === 'initialize') {
          phase = 'running';
          return true;
        }
        refuse(message, ErrorCodes.ServerNotInitialized, 'the server is not initialized yet (send initialize first)');
        return false;
      }
      if (phase === 'shutDown') {
        refuse(message, ErrorCodes.InvalidRequest, 'the server is shut down');
        return false;
      }
      if (message.method === 'initialize') {
        refuse(message, ErrorCodes.InvalidRequest, 'the server is already initialized');
        return false;
      }
      if (message.method === 'shutdown') phase = 'shutDown';
      return true;
    }
    if (Message.isNotification(message) && phase !== 'running' && message.method !== 'exit') {
      log(`${message.method} dropped: the server is ${phase === 'shutDown' ? 'shut down' : 'not initialized yet'}`);
      return false;
    }
    return true;
  };

  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen(callback: DataCallback): Disposable {
      return reader.listen((message) => {
        if (admit(message)) callback(message);
      });
    },
    dispose: () => reader.dispose(),
  };
}
