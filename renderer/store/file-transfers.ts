// The upload side of the bridge: the local size check (before any byte leaves), the one running
// upload with its progress and cancel, then the file message. Writes only the `upload` and
// `error` parts of the store.
import type { FileRef } from '../../common/protocol';
import type { ChatStore } from './chat-store';
import type { Uploader } from './file-upload';

export class FileTransfers {
  private cancelRunning: (() => void) | null = null;

  constructor(
    private readonly store: ChatStore,
    private readonly upload: Uploader,
    private readonly post: (roomId: string, file: FileRef) => boolean,
    /** An upload answered 401: the session is over, not just this upload. */
    private readonly sessionEnded: () => void = () => undefined,
  ) {}

  async attach(roomId: string, file: File): Promise<void> {
    const { config, serverUrl, token, upload } = this.store.getState();
    if (file.size > config.maxFileSizeKB * 1024) {
      this.store.setState({
        error: { key: 'files.tooLarge', params: { name: file.name, sizeBytes: file.size, limitKB: config.maxFileSizeKB } },
      });
      return;
    }
    if (!token || upload) return;
    this.store.setState({ error: null, upload: { roomId, name: file.name, size: file.size, loaded: 0 } });
    const handle = this.upload({
      url: `${serverUrl}/api/rooms/${encodeURIComponent(roomId)}/files`,
      token,
      file,
      onProgress: (loaded) => this.store.setState((s) => (s.upload ? { upload: { ...s.upload, loaded } } : {})),
    });
    this.cancelRunning = handle.cancel;
    const result = await handle.done;
    this.cancelRunning = null;
    this.store.setState({ upload: null });
    if (result.ok) this.post(roomId, result.file);
    else if ('error' in result && result.error.key === 'errors.unauthorized') this.sessionEnded();
    else this.store.setState({ error: 'cancelled' in result ? { key: 'files.cancelled' } : result.error });
  }

  cancel(): void {
    this.cancelRunning?.();
  }
}
