// Collects what the in-process server logs (its logger writes to stderr) while still printing it.
export interface CapturedStderr {
  text(): string;
  clear(): void;
  restore(): void;
}

type Write = (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;

export function captureStderr(): CapturedStderr {
  const chunks: string[] = [];
  const stream = process.stderr as unknown as { write: Write };
  const original = stream.write;
  const forward: Write = (chunk, ...rest) => original.call(process.stderr, chunk, ...rest);
  stream.write = (chunk, ...rest) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return forward(chunk, ...rest);
  };
  return {
    text: () => chunks.join(''),
    clear: () => void chunks.splice(0),
    restore: () => {
      stream.write = original;
    },
  };
}
