import { describe, expect, it } from "vitest";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";
import { extract, outline } from "./fixtures.js";

describe("extractMethods: declarations and spans", () => {
  it("loads the parser once per process", async () => {
    expect(await loadJavaParser()).toBe(await loadJavaParser());
  });

  it("reads enums, their constant bodies and nested enums", async () => {
    expect(outline(await extract("Enums.java"))).toEqual([
      "Enums.<anonymous>#applyAsInt 8-11 method",
      "Enums.<anonymous>#applyAsInt 14-17 method",
      "Enums.<anonymous>#negate 20-22 method",
      "Enums.<anonymous>#applyAsInt 25-25 method",
      "Enums#Enums 31-33 constructor",
      "Enums#symbol 35-37 method",
      "Enums#applyAsInt 39-41 method",
      "Enums.Level#next 46-48 method",
      "Enums.Visitor#visit 52-52 method",
      "Enums.Visitor.Mode.<anonymous>#run 54-54 method",
      "Enums.Visitor.Mode#run 54-54 method",
    ]);
  });

  it("reads records: compact, canonical and extra constructors, local records", async () => {
    const methods = await extract("Records.java");
    expect(outline(methods)).toEqual([
      "Records.Point#Point 10-14 constructor",
      "Records.Point#Point 16-18 constructor",
      "Records.Point#origin 20-22 method",
      "Records.Point#length 24-26 method",
      "Records.Pair#Pair 30-33 constructor",
      "Records.Empty#Empty 37-38 constructor",
      "Records.Line#compareTo 42-45 method",
      "Records.Line#length 47-49 method",
      "Records#sum 52-61 method",
      "Records.<local:Acc>#add 54-56 method",
    ]);
    const compact = methods[0]!;
    // The compact constructor is the canonical one: it takes the record's components.
    expect(compact).toMatchObject({ signature: "public Point", parameterTypes: ["double", "double"] });
    expect(compact.javadoc).toBe("Rejects NaN.");
    expect(methods[1]!.parameterTypes).toEqual(["double"]);
    expect(methods[5]!.parameterTypes).toEqual([]);
  });

  it("reads interface methods of every kind and annotation type elements", async () => {
    const methods = await extract("Interfaces.java");
    expect(outline(methods)).toEqual([
      "Interfaces#get 10-10 method",
      "Interfaces#put 12-12 method",
      "Interfaces#isPresent 14-16 method",
      "Interfaces#of 18-20 method",
      "Interfaces#helper 22-24 method",
      "Interfaces#log 26-28 method",
      "Interfaces.Supplier2#get 32-32 method",
      "Interfaces.Supplier2#memoized 34-36 method",
      "Interfaces.Skip#reason 44-44 method",
      "Interfaces.Skip#codes 46-46 method",
      "Interfaces.Skip#type 48-48 method",
      "Interfaces.Shape#area 56-56 method",
      "Interfaces.Circle#area 60-60 method",
      "Interfaces.Square#area 64-64 method",
      "Interfaces.Base#names 68-68 method",
      "Interfaces.Base#run 70-70 method",
    ]);
    const reason = methods.find((m) => m.name === "reason")!;
    expect(reason).toMatchObject({ signature: 'String reason() default ""', javadoc: "Why it is skipped." });
    expect(methods[1]).toMatchObject({ signature: "void put(T value) throws IllegalStateException" });
    expect(methods[1]!.text).toBe("void put(T value) throws IllegalStateException;");
  });

  it("names anonymous and local classes, at any depth, and skips lambdas", async () => {
    expect(outline(await extract("Nested.java"))).toEqual([
      "Nested.<anonymous>#compare 9-12 method",
      "Nested.<local:InStatic>#touch 17-17 method",
      "Nested.<anonymous>#run 24-24 method",
      "Nested.Inner#Inner 29-29 constructor",
      "Nested.Inner.Deeper#depth 32-34 method",
      "Nested.Inner.Deeper.Deepest#depth 37-37 method",
      "Nested.Member#m 43-43 method",
      "Nested#tasks 46-68 method",
      "Nested.<anonymous>#call 49-57 method",
      "Nested.<anonymous>.<anonymous>#get 52-54 method",
      "Nested.<local:InLambda>#value 61-63 method",
      "Nested#locals 70-107 method",
      "Nested.<local:Local>#Local 74-76 constructor",
      "Nested.<local:Local>#twice 78-82 method",
      "Nested.<local:Local>.<anonymous>#apply 80-80 method",
      "Nested.<local:Local>.InLocal#x 85-85 method",
      "Nested.<local:LocalShape>#area 89-89 method",
      "Nested.<local:LocalColor>#lower 94-94 method",
      "Nested.<local:InCase>#c 99-99 method",
      "SecondTopLevel#SecondTopLevel 111-111 constructor",
      "SecondTopLevel#second 113-113 method",
    ]);
  });

  it("is not fooled by text blocks, braces in strings and comments, Unicode names or tabs", async () => {
    const methods = await extract("Tricky.java");
    expect(outline(methods)).toEqual([
      "Tricky#block 8-15 method",
      "Tricky#braces 17-23 method",
      "Tricky#größe 26-29 method",
      "Tricky#emoji 31-34 method",
      "Tricky#$dollar_and_underscore_ 36-38 method",
      "Tricky#generics 40-44 method",
      "Tricky#unicodeEscape 46-48 method",
      "Tricky#annotatedWithComment 50-52 method",
      "Tricky#ternaryLabels 54-68 method",
    ]);
    expect(methods.every((m) => !m.hasError && m.indent === "\t")).toBe(true);
    expect(methods[2]).toMatchObject({
      parameterTypes: ["int", "String"],
      javadoc: "Ünïcödé names are fine.",
    });
    // Comments inside the header are cut from the signature; the text keeps them.
    expect(methods[7]!.signature).toBe(
      '@SuppressWarnings(value = "unused" ) void annotatedWithComment( int x)',
    );
    expect(methods[7]!.text).toContain("/* { */");
    expect(methods[3]!.text.endsWith("}")).toBe(true);
  });
});
