// Preloaded into a measured server (NODE_OPTIONS="--expose-gc --import …/gc-on-signal.mjs") by
// the memory benchmark, so a reading of settled RSS can follow a full garbage collection.
// SIGUSR2 → gc(). It only adds a signal handler: the server's own code is untouched. It says it
// is there on stderr, and the benchmark sends the signal only after seeing that line (without
// a handler, SIGUSR2 would end the process). After each gc() it prints the V8 heap in use and the
// memory outside it that V8 knows of (`heap N USED EXTERNAL`), which RSS mixes with the heap's
// own reserve and the allocator's free lists.
if (typeof globalThis.gc === 'function') {
  let readings = 0;
  process.on('SIGUSR2', () => {
    globalThis.gc();
    const { heapUsed, external } = process.memoryUsage();
    readings += 1;
    process.stderr.write(`gc-on-signal: heap ${readings} ${heapUsed} ${external}\n`);
  });
  process.stderr.write('gc-on-signal: ready\n');
}
