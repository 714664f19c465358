import picomatch from "picomatch";

const cache = new Map<string, (path: string) => boolean>();

/**
 * Matches a repository path against a glob (picomatch): `**` any number of path segments, `*` and `?`
 * within one segment, `{a,b}` alternatives, `[abc]` classes. A glob without `/` matches the file name at
 * any depth (like .gitignore, picomatch's `basename` option), so `*Generated.java` needs no `**` prefix.
 */
export function matchGlob(glob: string, path: string): boolean {
  let matcher = cache.get(glob);
  if (!matcher) {
    matcher = picomatch(glob.replace(/^\//, ""), { basename: !glob.includes("/"), dot: true });
    cache.set(glob, matcher);
  }
  return matcher(path);
}
