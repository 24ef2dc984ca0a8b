// Known differences between the contract snapshots (fixtures/snapshots) and the emulator's answers,
// each by test, path and reason. A difference line (see replay/compare.ts) that contains `path` is
// expected for that test; every other difference fails the test, and an entry whose difference no
// longer occurs fails it too, so this list cannot go stale. Only principled reasons belong here (an
// older recording the emulator deliberately does not follow, a feature not emulated); an emulator
// bug never does.
export interface SnapshotDifference {
  /** The test's full name, exactly as the snapshot file keys it. */
  test: string;
  /** A path as it appears in the difference line, e.g. `body $.usage.serverToolUsage`. */
  path: string;
  reason: string;
}

export const SNAPSHOT_DIFFERENCES: SnapshotDifference[] = [];
