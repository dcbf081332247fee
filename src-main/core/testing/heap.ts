// For the memory tests (issue 18): V8's full collection without --expose-gc, and how much the
// heap grows by what a function builds (kept alive until the test ends).
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
export const gc = vm.runInNewContext('gc') as () => void;

/** Heap used after full collections with turns of the event loop between (finalizers run). */
export async function settledHeapUsed(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

/** Measures what each `fill` keeps: call it, keep its result in `kept`, answer the heap's growth. */
export function heapGrowth() {
  const kept: unknown[] = [];
  const grows = async (fill: () => unknown): Promise<number> => {
    const before = await settledHeapUsed();
    kept.push(fill());
    return (await settledHeapUsed()) - before;
  };
  return { kept, grows };
}
