// An independent reading of DESIGN.md "Changed methods" by javac's own parser, to check `java-judge changed`.
// Input: a manifest, one file pair a line: `PATH<TAB>BASE_FILE<TAB>HEAD_FILE` (BASE_FILE `-` for a new file).
// Output: one JSON object a line per changed method, `{"path","className","name","parameterTypes","startLine",
// "change"}`, or `{"path","error"}` where javac cannot parse a side (the pair is then left out).
// Run: java bench/javac-changed/ChangedMethods.java MANIFEST (JDK 17+, single-file launch, parser only).
// With -Dpairing=order the moves are not looked for (file order only: what java-judge did before issue 21).
import com.sun.source.tree.*;
import com.sun.source.util.*;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import javax.tools.*;

public class ChangedMethods {
  record Method(String className, String name, List<String> parameterTypes, int startLine, String text) {
    String slot() { return className + "#" + name + "(" + String.join(",", parameterTypes) + ")"; }
  }

  public static void main(String[] args) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.isBlank()) continue;
      String[] parts = line.split("\t");
      String path = parts[0];
      List<Method> base = parts[1].equals("-") ? List.of() : read(compiler, files, parts[1]);
      List<Method> head = read(compiler, files, parts[2]);
      if (base == null || head == null) {
        System.out.println("{\"path\":" + quote(path) + ",\"error\":\"javac cannot parse it\"}");
        continue;
      }
      for (Map.Entry<Method, String> e : changed(base, head).entrySet()) {
        Method m = e.getKey();
        System.out.println("{\"path\":" + quote(path) + ",\"className\":" + quote(m.className)
            + ",\"name\":" + quote(m.name) + ",\"parameterTypes\":[" + String.join(",", m.parameterTypes.stream().map(ChangedMethods::quote).toList())
            + "],\"startLine\":" + m.startLine + ",\"change\":\"" + e.getValue() + "\"}");
      }
    }
  }

  /** Per slot: a head method whose text a base one has is unchanged (a move); the rest pair in file order. */
  static final boolean ORDER_ONLY = "order".equals(System.getProperty("pairing"));

  static LinkedHashMap<Method, String> changed(List<Method> base, List<Method> head) {
    Map<String, List<Method>> baseBySlot = new HashMap<>();
    for (Method m : base) baseBySlot.computeIfAbsent(m.slot(), k -> new ArrayList<>()).add(m);
    Map<String, List<Method>> headBySlot = new LinkedHashMap<>();
    for (Method m : head) headBySlot.computeIfAbsent(m.slot(), k -> new ArrayList<>()).add(m);
    Map<Method, String> verdict = new IdentityHashMap<>();
    for (Map.Entry<String, List<Method>> slot : headBySlot.entrySet()) {
      List<Method> left = new ArrayList<>(baseBySlot.getOrDefault(slot.getKey(), List.of()));
      List<Method> rest = new ArrayList<>();
      for (Method m : slot.getValue()) {
        int same = -1;
        for (int i = 0; i < left.size() && same < 0 && !ORDER_ONLY; i++) if (left.get(i).text.equals(m.text)) same = i;
        if (same >= 0) left.remove(same);
        else rest.add(m);
      }
      for (int i = 0; i < rest.size(); i++) {
        Method m = rest.get(i);
        if (i >= left.size()) verdict.put(m, "added");
        else if (!left.get(i).text.equals(m.text)) verdict.put(m, "modified");
      }
    }
    LinkedHashMap<Method, String> out = new LinkedHashMap<>();
    for (Method m : head) if (verdict.containsKey(m)) out.put(m, verdict.get(m));
    return out;
  }

  /** Every method and constructor with its class chain and whitespace-collapsed declaration text; null on a parse error. */
  static List<Method> read(JavaCompiler compiler, StandardJavaFileManager files, String file) throws Exception {
    List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
    JavacTask task = (JavacTask) compiler.getTask(null, files,
        d -> { if (d.getKind() == Diagnostic.Kind.ERROR) errors.add(d); },
        List.of("-proc:none"), null, files.getJavaFileObjects(new File(file)));
    SourcePositions positions = Trees.instance(task).getSourcePositions();
    List<Method> methods = new ArrayList<>();
    for (CompilationUnitTree unit : task.parse()) {
      String source = unit.getSourceFile().getCharContent(true).toString();
      LineMap lines = unit.getLineMap();
      new TreePathScanner<Void, Deque<String>>() {
        @Override
        public Void visitClass(ClassTree node, Deque<String> chain) {
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          String name = node.getSimpleName().toString();
          boolean member = parent instanceof ClassTree || parent instanceof CompilationUnitTree;
          chain.addLast(parent instanceof NewClassTree ? "<anonymous>" : member ? name : "<local:" + name + ">");
          super.visitClass(node, chain);
          chain.removeLast();
          return null;
        }

        @Override
        public Void visitMethod(MethodTree node, Deque<String> chain) {
          long start = positions.getStartPosition(unit, node);
          long end = positions.getEndPosition(unit, node);
          boolean ctor = node.getName().contentEquals("<init>");
          String last = chain.isEmpty() ? "" : chain.getLast();
          String name = ctor ? (last.startsWith("<local:") ? last.substring(7, last.length() - 1) : last) : node.getName().toString();
          List<String> types = new ArrayList<>();
          for (VariableTree p : node.getParameters()) {
            long s = positions.getStartPosition(unit, p.getType());
            long e = positions.getEndPosition(unit, p.getType());
            String raw = source.substring((int) s, (int) e);
            // `String args[]`: javac's type tree spans the name too; the type is what is around it.
            raw = raw.replaceFirst("\\b" + java.util.regex.Pattern.quote(p.getName().toString()) + "\\b", "");
            String type = raw.replaceAll("[ \\t\\f\\r\\n]+", "");
            // `int... xs`: javac's type tree ends before the dots.
            String after = source.substring((int) e, Math.min(source.length(), (int) e + 8)).stripLeading();
            if (after.startsWith("...") && !type.endsWith("...")) type += "...";
            types.add(type);
          }
          String text = source.substring((int) start, (int) end).replaceAll("[ \\t\\f\\r\\n]+", " ").trim();
          methods.add(new Method(String.join(".", chain), name, types, (int) lines.getLineNumber(start), text));
          return super.visitMethod(node, chain);
        }
      }.scan(unit, new ArrayDeque<>());
    }
    return errors.isEmpty() ? methods : null;
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }
}
