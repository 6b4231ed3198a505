import iconv from 'iconv-lite';
import type { CsvEncoding } from '@concerto/domain';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A CSV file's bytes as text: UTF-8 when they are valid UTF-8 (a BOM is dropped), Windows-1252 otherwise — what French
 * Excel writes for « CSV (séparateur : point-virgule) ». Windows-1252 is decoded by iconv-lite: Node 20's
 * `TextDecoder('windows-1252')` reads it as Latin-1 (0x80 gives U+0080 instead of €, 0x92 a control instead of ’).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252'), encoding: 'windows-1252' };
  }
}
