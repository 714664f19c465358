export interface DecodedSource {
  /** The text, BOM removed, invalid UTF-8 replaced by U+FFFD. */
  text: string;
  /** NUL bytes present: not a source file (class files, images); callers skip it. */
  binary: boolean;
}

/**
 * Decodes a file's bytes as Java source. UTF-8 by default (the encoding of nearly every repository);
 * a UTF-16 byte order mark is honoured, since such files would otherwise look binary.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const text = new TextDecoder(b0 === 0xff ? "utf-16le" : "utf-16be").decode(bytes);
    return { text, binary: text.includes("\u0000") };
  }
  // TextDecoder strips a UTF-8 BOM by default and never throws without `fatal`.
  return { text: new TextDecoder("utf-8").decode(bytes), binary: bytes.includes(0) };
}
