// Oracle for the extractor tests: javac's own parser lists every method and constructor declaration of the
// files given, one JSON object a line. Run with `java ListMethods.java FILE...` (JDK 17 single-file launch).
import com.sun.source.tree.*;
import com.sun.source.util.*;
import java.io.File;
import java.util.*;
import javax.tools.*;

public class ListMethods {
  public static void main(String[] args) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager files = compiler.getStandardFileManager(null, null, java.nio.charset.StandardCharsets.UTF_8);
    for (String arg : args) {
      JavacTask task = (JavacTask) compiler.getTask(null, files, d -> {}, List.of("-proc:none"), null,
          files.getJavaFileObjects(new File(arg)));
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      DocTrees docs = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
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
            String name = ctor ? chain.isEmpty() ? "" : lastSimple(chain.getLast()) : node.getName().toString();
            String doc = docs.getDocComment(getCurrentPath());
            System.out.println("{\"path\":" + quote(arg) + ",\"name\":" + quote(name)
                + ",\"kind\":\"" + (ctor ? "constructor" : "method") + "\",\"className\":" + quote(String.join(".", chain))
                + ",\"startLine\":" + lines.getLineNumber(start) + ",\"endLine\":" + lines.getLineNumber(end - 1)
                + ",\"hasDoc\":" + (doc != null && !doc.isBlank()) + "}");
            return super.visitMethod(node, chain);
          }
        }.scan(unit, new ArrayDeque<>());
      }
    }
  }

  static String lastSimple(String element) {
    return element.startsWith("<local:") ? element.substring(7, element.length() - 1) : element;
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
