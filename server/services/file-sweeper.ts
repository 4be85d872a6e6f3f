// Runs the file clean-up (FileService.sweep) at start and then periodically, one pass at a time;
// stopping waits for a pass in flight, so the database is not closed under it.
import type { FileService } from './file-service';

export function startFileSweeper(files: FileService, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<void> | undefined;
  let stopped = false;
  const pass = () => {
    if (stopped || running) return;
    running = files
      .sweep()
      .then(() => undefined, onError)
      .finally(() => (running = undefined));
  };
  const timer = setInterval(pass, files.sweepIntervalMs);
  timer.unref();
  pass();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
