// Preloaded into a measured server (NODE_OPTIONS="--expose-gc --import …/gc-on-signal.mjs") by
// the memory benchmark, so a reading of settled RSS can follow a full garbage collection.
// SIGUSR2 → gc(). It only adds a signal handler: the server's own code is untouched. It says it
// is there on stderr, and the benchmark sends the signal only after seeing that line (without
// a handler, SIGUSR2 would end the process).
if (typeof globalThis.gc === 'function') {
  process.on('SIGUSR2', () => globalThis.gc());
  process.stderr.write('gc-on-signal: ready\n');
}
