import { describe, expect, it } from "vitest";
import { decodeSource } from "../../../src/java/decode-source.js";

describe("decodeSource", () => {
  it("strips a UTF-8 BOM", () => {
    expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, 0x63, 0x6c]))).toEqual({
      text: "cl",
      binary: false,
    });
  });

  it("replaces invalid UTF-8 instead of throwing", () => {
    expect(decodeSource(new Uint8Array([0x61, 0xc3, 0x28, 0x62]))).toEqual({
      text: "a\uFFFD(b",
      binary: false,
    });
  });

  it("calls a file with NUL bytes binary", () => {
    expect(decodeSource(new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00])).binary).toBe(true);
  });

  it("honours a UTF-16 byte order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("class Ä {}", "utf16le")]);
    expect(decodeSource(bytes)).toEqual({ text: "class Ä {}", binary: false });
  });

  it("reads an empty file", () => {
    expect(decodeSource(new Uint8Array())).toEqual({ text: "", binary: false });
  });
});
