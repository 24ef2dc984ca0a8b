// Bedrock validates bodies with everit-json-schema over org.json, whose JSONObject keeps its keys
// in a java.util.HashMap (default capacity 16, load factor 0.75). So everit meets a body's keys
// (extraneous-key checks) and a schema's `properties` in HashMap iteration order, not in the
// order they were written. Evidence, all reproduced by `javaKeyOrder`:
// - `#: extraneous key [stream] is not permitted#: extraneous key [model] is not permitted`
//   (Claude, research errors.md §2, Content-Length 240): stream before model;
// - `#: extraneous key [Messages]…[MaxTokens]…[AnthropicVersion]` (aws-sdk-net#3384);
// - `#/temperature…#/maxTokens…#/topP…` (AI21 J2 property order).
// A capacity sized to the key count (new HashMap(n)) would put `model` first, so the parser's
// default-capacity map is the one that matches.

/** Java's String.hashCode (UTF-16 code units, 32-bit overflow). */
function javaHash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(31, h) + key.charCodeAt(i)) | 0;
  return h;
}

/** The keys in the order a HashMap<String, …> filled with them in this order iterates them. */
export function javaKeyOrder(keys: readonly string[]): string[] {
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const bucket = (key: string) => {
    const h = javaHash(key);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  // Within one bucket entries keep insertion order (resizes split buckets stably).
  return keys
    .map((key, index) => ({ key, index, bucket: bucket(key) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((e) => e.key);
}

/** A copy of a parsed JSON value whose objects list their keys in Java HashMap order. */
export function inJavaOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => inJavaOrder(v)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of javaKeyOrder(Object.keys(source))) out[key] = inJavaOrder(source[key]);
  return out as T;
}
