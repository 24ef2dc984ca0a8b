// The caller's region, read from the SigV4 credential scope
// (`Credential=AKID/20250101/us-west-2/bedrock/aws4_request`), so that the ARNs the emulator
// makes up name the region the client thinks it is talking to.
const SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/[^/]+\/aws4_request/;

export function callerRegion(authorization: string | undefined, fallback: string): string {
  return (authorization && SCOPE.exec(authorization)?.[1]) || fallback;
}
