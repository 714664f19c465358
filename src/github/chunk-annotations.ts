// The checks API takes at most 50 annotations per create/update request.
export const ANNOTATIONS_PER_REQUEST = 50;

export function chunkAnnotations<T>(items: T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
