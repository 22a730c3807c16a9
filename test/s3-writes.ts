// S3Proxy's filesystem store (the lab's stand-in for MinIO) writes an object to `<key>-<uuid>` next to its final
// name and renames it when the upload completes; a listing taken meanwhile shows that temporary name. Tests that
// wait for the sink's objects wait for finished ones.
const IN_FLIGHT = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function finishedKeys(keys: string[]): string[] {
  return keys.filter((key) => !IN_FLIGHT.test(key));
}
