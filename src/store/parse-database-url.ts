import { UsageError } from "../errors.js";

export type DatabaseTarget =
  | { kind: "sqlite" /** a file path, or ":memory:" */; path: string }
  | {
      kind: "postgres";
      /** The URL without our own `schema` parameter (pg does not know it). */
      connectionString: string;
      /** Schema that holds our tables (`?schema=NAME`, default "public"); tests isolate themselves with it. */
      schema: string;
    };

export const DEFAULT_DATABASE_URL = "sqlite:./data/java-judge.db";

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/**
 * Reads DATABASE_URL: `sqlite:PATH` (relative or absolute, `sqlite:///abs/path` too), `sqlite::memory:`,
 * or `postgres://` / `postgresql://` (optionally `?schema=NAME`).
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith("sqlite:")) return parseSqlite(trimmed);
  if (/^postgres(ql)?:\/\//.test(trimmed)) return parsePostgres(trimmed);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trimmed)?.[1];
  throw new UsageError(
    `DATABASE_URL ${scheme ? `has the unknown scheme "${scheme}:"` : `"${trimmed}" has no scheme`}; ` +
      `use sqlite:./data/java-judge.db, sqlite::memory: or postgres://user@host:5432/db`,
  );
}

function parseSqlite(url: string): DatabaseTarget {
  let path = url.slice("sqlite:".length);
  if (path.startsWith("//")) path = path.slice(2); // sqlite:///abs/path -> /abs/path
  if (path === "")
    throw new UsageError(`DATABASE_URL "${url}" names no file; use sqlite:./data/java-judge.db`);
  return { kind: "sqlite", path };
}

function parsePostgres(url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(
      `DATABASE_URL "${redact(url)}" is not a valid URL; use postgres://user@host:5432/db`,
    );
  }
  const schema = parsed.searchParams.get("schema") ?? "public";
  if (!SCHEMA_NAME.test(schema)) {
    throw new UsageError(`DATABASE_URL schema "${schema}" must be letters, digits and _ (at most 40)`);
  }
  parsed.searchParams.delete("schema");
  return { kind: "postgres", connectionString: parsed.toString(), schema };
}

/** Keeps passwords out of error messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
