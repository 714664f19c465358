import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import { parseDatabaseUrl } from "../../../src/store/parse-database-url.js";

describe("parseDatabaseUrl", () => {
  it("reads SQLite paths, relative, absolute and in memory", () => {
    expect(parseDatabaseUrl("sqlite:./data/java-judge.db")).toEqual({
      kind: "sqlite",
      path: "./data/java-judge.db",
    });
    expect(parseDatabaseUrl("sqlite:///var/lib/jj.db")).toEqual({ kind: "sqlite", path: "/var/lib/jj.db" });
    expect(parseDatabaseUrl("sqlite::memory:")).toEqual({ kind: "sqlite", path: ":memory:" });
  });

  it("reads PostgreSQL URLs and takes our schema parameter off", () => {
    expect(parseDatabaseUrl("postgres://u:pw@h:5432/db")).toEqual({
      kind: "postgres",
      connectionString: "postgres://u:pw@h:5432/db",
      schema: "public",
    });
    expect(parseDatabaseUrl("postgresql://u@h/db?schema=t_1&sslmode=disable")).toEqual({
      kind: "postgres",
      connectionString: "postgresql://u@h/db?sslmode=disable",
      schema: "t_1",
    });
  });

  it("rejects what it cannot use with a usage error that says what works", () => {
    expect(() => parseDatabaseUrl("mysql://h/db")).toThrow(UsageError);
    expect(() => parseDatabaseUrl("mysql://h/db")).toThrow(/unknown scheme "mysql:".*sqlite:.*postgres:/);
    expect(() => parseDatabaseUrl("data.db")).toThrow(/no scheme/);
    expect(() => parseDatabaseUrl("sqlite:")).toThrow(/names no file/);
    expect(() => parseDatabaseUrl("postgres://h/db?schema=a;drop")).toThrow(/schema/);
  });
});
