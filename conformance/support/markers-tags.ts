// The two marker tags (shared by markers.ts, inside the tests, and marker-reporter.ts, in the runner).
export const AWS_TAG = '[aws] ';
export const EMULATOR_TAG = '[emulator] ';
