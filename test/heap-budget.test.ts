/**
 * The garbage bound of `build` (src/util/heap-budget.ts): a thread that makes garbage past
 * the budget gets full collections, and a thread that does not is left alone. Its effect on a large build's peak is measured by `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { keepHeapWithin } from '../src/util/heap-budget.ts';

const MB = 1024 * 1024;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('keepHeapWithin', () => {
  it('collects when the used heap has grown by the budget', async () => {
    const heap = keepHeapWithin(16 * MB, 20);
    // About 250 MB of small objects, made across turns of the event loop as a page render's are.
    // The last 40 batches (about 30 MB) stay reachable, long enough for each batch to leave the
    // young generation: the garbage then gathers where only a full collection frees it. (Run
    // alone with --trace-gc and 600 objects a batch, V8 let such garbage reach 800 MB of heap
    // over a live 190 MB before collecting it by itself.)
    const ring: { round: number; values: { k: number }[] }[][] = [];
    for (let round = 0; round < 300; round++) {
      ring[round % 40] = Array.from({ length: 200 }, () => ({ round, values: Array.from({ length: 100 }, (_, k) => ({ k })) }));
      await tick();
    }
    expect(ring).toHaveLength(40);
    const { collections, ms } = heap.stop();
    expect(collections).toBeGreaterThan(0);
    expect(ms).toBeGreaterThan(0);
  });

  it('does nothing for a thread that stays within the budget', async () => {
    const heap = keepHeapWithin(512 * MB, 10);
    for (let i = 0; i < 20; i++) await tick();
    expect(heap.stop()).toEqual({ collections: 0, ms: 0 });
  });
});
