import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRandom, pick } from "./create-random.js";

export interface JavaSource {
  path: string;
  text: string;
}

const FIXTURES = new URL("../test/fixtures/java/", import.meta.url);
// Broken.java holds deliberate syntax errors: java-parser throws on it, so a side-by-side run leaves it out.
const PEER_UNPARSABLE = new Set(["Broken.java"]);

/** The real Java files of test/fixtures/java (the valid ones), as the corpus's seed. */
export function readFixtureSources(): JavaSource[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".java") && !PEER_UNPARSABLE.has(f))
    .sort()
    .map((f) => ({ path: `fixtures/${f}`, text: readFileSync(join(FIXTURES.pathname, f), "utf8") }));
}

/**
 * A deterministic corpus of about `bytes` bytes: the fixtures, then generated classes shaped like application code
 * (Javadoc, annotations, generics, loops, lambdas, nested types, overloads), all valid Java 17.
 */
export function buildJavaCorpus(bytes: number, seed = 42): JavaSource[] {
  const sources = readFixtureSources();
  const random = createRandom(seed);
  let total = sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  for (let i = 0; total < bytes; i++) {
    const text = generateClass(random, i);
    sources.push({ path: `gen/com/acme/c${i}/Service${i}.java`, text });
    total += Buffer.byteLength(text);
  }
  return sources;
}

const NOUNS = [
  "Order",
  "Invoice",
  "Customer",
  "Account",
  "Ledger",
  "Shipment",
  "Ticket",
  "Report",
  "Session",
];
const TYPES = ["int", "long", "String", "double", "boolean", "List<String>", "Map<String, Integer>"];

function generateClass(random: () => number, index: number): string {
  const noun = pick(random, NOUNS);
  const cls = `${noun}Service${index}`;
  const methods: string[] = [];
  const count = 12 + Math.floor(random() * 12);
  for (let m = 0; m < count; m++) methods.push(generateMethod(random, noun, m));
  return `package com.acme.c${index};

import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps {@code ${noun}} records and answers the queries of the ${noun.toLowerCase()} screens.
 * Generated for benchmarks; shaped like application code.
 */
@SuppressWarnings("unused")
public class ${cls}<T extends Comparable<T>> implements Iterable<T> {
    private static final int LIMIT = ${100 + Math.floor(random() * 900)};
    private final Map<String, List<T>> byKey = new HashMap<>();
    private final List<T> items = new ArrayList<>();
    private int version;

    /** Creates an empty service. */
    public ${cls}() {
        this(LIMIT);
    }

    /**
     * Creates a service for at most {@code capacity} items.
     * @param capacity the maximum number of items
     */
    public ${cls}(int capacity) {
        if (capacity <= 0) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.version = capacity % 7;
    }

${methods.join("\n\n")}

    @Override
    public Iterator<T> iterator() {
        return Collections.unmodifiableList(items).iterator();
    }

    /** A value with its rank; ordered by rank. */
    public record Ranked<V>(V value, int rank) implements Comparable<Ranked<V>> {
        public Ranked {
            if (rank < 0) throw new IllegalArgumentException("rank < 0");
        }

        @Override
        public int compareTo(Ranked<V> other) {
            return Integer.compare(rank, other.rank);
        }
    }

    enum State {
        OPEN {
            @Override
            boolean accepts(int n) {
                return n < LIMIT;
            }
        },
        CLOSED {
            @Override
            boolean accepts(int n) {
                return false;
            }
        };

        abstract boolean accepts(int n);
    }
}
`;
}

function generateMethod(random: () => number, noun: string, m: number): string {
  const type = pick(random, TYPES);
  const name = `${pick(random, ["find", "count", "update", "merge", "check", "sum", "load"])}${noun}${m}`;
  const bodies = [
    `        int total = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] % ${2 + m} == 0) {
                total += values[i] * ${m + 1};
            } else if (values[i] < 0) {
                total -= values[i];
            }
        }
        return total > LIMIT ? LIMIT : total;`,
    `        List<String> out = new ArrayList<>();
        for (String key : byKey.keySet()) {
            if (key.startsWith(prefix) && byKey.get(key).size() > ${m}) out.add(key.trim());
        }
        Collections.sort(out);
        return out.stream().map(s -> s + ":" + version).collect(Collectors.joining(", "));`,
    `        Objects.requireNonNull(item, "item");
        synchronized (items) {
            items.add(item);
            byKey.computeIfAbsent(item.toString(), k -> new ArrayList<>()).add(item);
            version++;
        }
        return items.size() <= LIMIT;`,
    `        Map<Boolean, Long> parts = items.stream()
                .collect(Collectors.partitioningBy(t -> t.compareTo(pivot) < 0, Collectors.counting()));
        try {
            return Math.toIntExact(parts.getOrDefault(Boolean.TRUE, 0L) - ${m});
        } catch (ArithmeticException e) {
            throw new IllegalStateException("too many items below " + pivot, e);
        }`,
  ];
  const signatures = [
    `public int ${name}(int... values)`,
    `public String ${name}(final String prefix)`,
    `public synchronized boolean ${name}(T item)`,
    `protected int ${name}(T pivot) throws IllegalStateException`,
  ];
  const k = Math.floor(random() * bodies.length);
  const doc =
    random() < 0.7
      ? `    /**\n     * Computes the ${noun.toLowerCase()} ${type} figure number ${m}.\n     */\n`
      : "";
  const annotation = random() < 0.3 ? '    @Deprecated(since = "2.1")\n' : "";
  return `${doc}${annotation}    ${signatures[k]} {\n${bodies[k]}\n    }`;
}
