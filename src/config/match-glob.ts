const cache = new Map<string, RegExp>();

/**
 * Matches a repository path against a glob: `**` any number of path segments, `*` and `?` within one
 * segment, `{a,b}` alternatives, `[abc]` classes. A glob without `/` matches the file name at any depth
 * (like .gitignore), so `*Generated.java` needs no `**` prefix.
 */
export function matchGlob(glob: string, path: string): boolean {
  let re = cache.get(glob);
  if (!re) {
    re = new RegExp(`^${globToRegExpSource(glob.includes("/") ? glob.replace(/^\//, "") : `**/${glob}`)}$`);
    cache.set(glob, re);
  }
  return re.test(path);
}

function globToRegExpSource(glob: string): string {
  let out = "";
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "*" && glob[i + 1] === "*") {
      const slashAfter = glob[i + 2] === "/";
      out += slashAfter ? "(?:.*/)?" : ".*";
      i += slashAfter ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "{") {
      inBraces++;
      out += "(?:";
    } else if (c === "}" && inBraces > 0) {
      inBraces--;
      out += ")";
    } else if (c === "," && inBraces > 0) out += "|";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) out += "\\[";
      else {
        out += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return out;
}
