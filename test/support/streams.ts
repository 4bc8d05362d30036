/** The chunks one by one, as a network body delivers them. */
export async function* fromChunks<T>(chunks: readonly T[]): AsyncGenerator<T> {
  for (const c of chunks) yield c;
}
