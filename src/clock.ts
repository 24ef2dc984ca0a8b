// Milliseconds for latencies. Not performance.now(): the `performance` global loads
// node:perf_hooks on first touch, about 2.5 ms inside the first request (issue #2, `npm run bench`).
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

let fixedWallClock: number | undefined;

/** Milliseconds since the epoch for timestamps in bodies and headers (`created`, `Date`): the real
 *  clock, or a fixed instant once `fixClock` ran (`--seed`: the same bytes on every run). */
export const wallClock = (): number => fixedWallClock ?? Date.now();

export function fixClock(epochMs: number | undefined): void {
  fixedWallClock = epochMs;
}
