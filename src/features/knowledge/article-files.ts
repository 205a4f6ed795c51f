// Pictures and attachments of articles. The type comes from the bytes (materials' detect-type:
// PDF, pictures, office documents; never HTML, SVG or scripts) and the file is kept where the
// meeting materials are (the backup takes them along). A picture is shown in the article; any
// other file is a download.
import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/db/ids.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { safeFileName } from '../../platform/http/content-disposition.ts';
import { articlePolicy, authorize, or } from '../../platform/policy/index.ts';
import { detectType, type DetectedType } from '../materials/detect-type.ts';
import { newStorageKey, readMaterialFile, removeMaterialFile, writeMaterialFile } from '../materials/material-storage.ts';
import { ArticleFileRejectedError } from './knowledge.errors.ts';
import { articleResource, findArticle, findFile, type ArticleFile } from './knowledge.queries.ts';
import { articleFiles } from './knowledge.schema.ts';

export const ARTICLE_FILE_MAX_BYTES = 10 * 1024 * 1024;
const PICTURES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export const isPicture = (mediaType: string): boolean => PICTURES.has(mediaType);

export async function uploadArticleFile(
  actor: Actor | null,
  deps: { db: Db; config: Pick<Config, 'dataDir'> },
  input: { organizationId: string; articleId: string; fileName: string; bytes: Uint8Array },
  options: { now?: Date } = {},
): Promise<ArticleFile> {
  const article = await findArticle(deps.db, input);
  if (!article) throw new NotFoundError();
  authorize(actor, articleResource(article), articlePolicy.edit);
  if (input.bytes.length === 0) throw new ArticleFileRejectedError('knowledge.file.required');
  if (input.bytes.length > ARTICLE_FILE_MAX_BYTES) throw new ArticleFileRejectedError('knowledge.file.tooLarge');
  const fileName = safeFileName(input.fileName, 'tiedosto');
  const type = detectType(input.bytes, fileName);
  if (!type) throw new ArticleFileRejectedError('knowledge.file.typeNotAllowed');
  const storageKey = newStorageKey();
  await writeMaterialFile(deps.config.dataDir, article.organizationId, storageKey, input.bytes);
  try {
    return await deps.db.transaction(async (tx) => {
      const [file] = await tx
        .insert(articleFiles)
        .values({
          organizationId: article.organizationId,
          id: newId(),
          articleId: article.id,
          uploadedBy: actor!.userId,
          fileName,
          mediaType: type.mediaType,
          sizeBytes: input.bytes.length,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          storageKey,
          ...(options.now ? { createdAt: options.now } : {}),
        })
        .returning();
      await recordAudit(tx, {
        organizationId: article.organizationId,
        actorUserId: actor!.userId,
        action: 'knowledge.file_uploaded',
        targetType: 'article',
        targetId: article.id,
      });
      return file!;
    });
  } catch (error) {
    await removeMaterialFile(deps.config.dataDir, article.organizationId, storageKey);
    throw error;
  }
}

/** A file for whoever may read the live article, or its writers. 404 for anyone else. */
export async function openArticleFile(
  actor: Actor | null,
  deps: { db: Db; config: Pick<Config, 'dataDir'> },
  fileId: string,
): Promise<{ file: ArticleFile; bytes: Buffer; type: DetectedType }> {
  const found = await findFile(deps.db, fileId);
  if (!found) throw new NotFoundError();
  const resource = articleResource(found.article);
  if (!or(articlePolicy.read, articlePolicy.readWork)(actor, resource)) throw new NotFoundError();
  const bytes = await readMaterialFile(deps.config.dataDir, found.file.organizationId, found.file.storageKey);
  // Detected again: a file changed on disk is not served as something else.
  const type = detectType(bytes, found.file.fileName);
  if (!type || type.mediaType !== found.file.mediaType) throw new NotFoundError();
  return { file: found.file, bytes, type };
}
