import type { Kysely, Selectable } from "kysely";
import type { Database, PostedCommentTable } from "./schema.js";
import type { PostedComment, Store } from "./types.js";

type CommentRepository = Pick<
  Store,
  "listComments" | "upsertComment" | "setCommentState" | "findCommentById"
>;

export function createCommentRepository(db: Kysely<Database>): CommentRepository {
  return {
    async listComments(repo, pullNumber) {
      const rows = await db
        .selectFrom("posted_comments")
        .selectAll()
        .where("repo", "=", repo)
        .where("pull_number", "=", pullNumber)
        .orderBy("created_at")
        .orderBy("comment_id")
        .execute();
      return rows.map(toComment);
    },
    async upsertComment(c) {
      const values = toRow(c);
      const { repo: _repo, comment_id: _id, ...changes } = values;
      await db
        .insertInto("posted_comments")
        .values(values)
        .onConflict((oc) => oc.columns(["repo", "comment_id"]).doUpdateSet(changes))
        .execute();
    },
    async setCommentState(repo, pullNumber, methodKey, commentId, state) {
      await db
        .updateTable("posted_comments")
        .set({ state })
        .where("repo", "=", repo)
        .where("pull_number", "=", pullNumber)
        .where("method_key", "=", methodKey)
        .where("comment_id", "=", commentId)
        .execute();
    },
    async findCommentById(repo, commentId) {
      const row = await db
        .selectFrom("posted_comments")
        .selectAll()
        .where("repo", "=", repo)
        .where("comment_id", "=", commentId)
        .executeTakeFirst();
      return row && toComment(row);
    },
  };
}

function toRow(c: PostedComment) {
  return {
    repo: c.repo,
    pull_number: c.pullNumber,
    method_key: c.methodKey,
    body_hash: c.bodyHash,
    comment_id: c.commentId,
    comment_node_id: c.commentNodeId,
    thread_node_id: c.threadNodeId,
    path: c.path,
    line: c.line,
    score: c.score,
    state: c.state,
    head_sha: c.headSha,
    created_at: c.createdAt,
  };
}

function toComment(r: Selectable<PostedCommentTable>): PostedComment {
  return {
    repo: r.repo,
    pullNumber: r.pull_number,
    methodKey: r.method_key,
    bodyHash: r.body_hash,
    commentId: Number(r.comment_id),
    commentNodeId: r.comment_node_id,
    threadNodeId: r.thread_node_id,
    path: r.path,
    line: r.line,
    score: Number(r.score),
    state: r.state,
    headSha: r.head_sha,
    createdAt: r.created_at,
  };
}
