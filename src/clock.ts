// Milliseconds for latencies. Not performance.now(): the `performance` global loads
// node:perf_hooks on first touch, about 2.5 ms inside the first request (issue #2, `npm run bench`).
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;
