import * as Y from 'yjs';

/**
 * About how many bytes of content an update inserts: live content only. Deletions and tombstones (items whose
 * content is already deleted) add nothing, so a document at its size cap can always be trimmed.
 */
export function insertedBytes(update: Uint8Array): number {
  const { structs } = Y.decodeUpdate(update);
  let bytes = 0;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentDeleted) continue;
    if (content instanceof Y.ContentString) bytes += content.str.length;
    else if (content instanceof Y.ContentBinary) bytes += content.content.byteLength;
    else if (content instanceof Y.ContentFormat) bytes += content.key.length + JSON.stringify(content.value ?? null).length;
    else if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON || content instanceof Y.ContentEmbed)
      bytes += JSON.stringify(content.getContent()).length;
    else bytes += 8;
  }
  return bytes;
}
