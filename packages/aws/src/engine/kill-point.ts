// For the crash tests only: CLOSURE_PACK_TEST_KILL_POINT=N makes the engine
// announce the N-th point around a mutating call (after its journal entry,
// and after the call before its result is recorded) on stderr and wait
// there forever, so a test can kill -9 it at exactly that moment.
let passed = 0;

export async function checkpoint(): Promise<void> {
  const wanted = Number(process.env.CLOSURE_PACK_TEST_KILL_POINT ?? "0");
  if (!wanted) return;
  passed++;
  if (passed !== wanted) return;
  process.stderr.write(`closure-pack: test kill point ${passed} reached\n`);
  await new Promise(() => setInterval(() => {}, 1 << 30));
}
