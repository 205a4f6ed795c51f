// POST /knowledge/:slug/files: a picture or attachment for the article (multipart; the upload
// body limit applies, server/app.ts). Back to the edit page, which says what happened.
import { data, redirect } from 'react-router';
import type { Route } from './+types/article-files';
import { requireActor } from '../../lib/state.server';
import { rethrowAsResponse } from '../../ui/form';
import { ArticleFileRejectedError } from '../../../src/features/knowledge/knowledge.errors.ts';
import { articleResource, findArticleBySlug } from '../../../src/features/knowledge/knowledge.queries.ts';
import { uploadArticleFile } from '../../../src/features/knowledge/article-files.ts';
import { articlePolicy } from '../../../src/platform/policy/index.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function loader({ params }: Route.LoaderArgs) {
  if (!SLUG.test(params.slug ?? '')) throw data(null, { status: 404 });
  return redirect(`/knowledge/${params.slug}/edit`);
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const { services } = state;
  const article = SLUG.test(params.slug ?? '') ? await findArticleBySlug(services.db, params.slug!) : null;
  if (!article || !articlePolicy.readWork(actor, articleResource(article))) throw data(null, { status: 404 });
  const form = await request.formData();
  const file = form.get('file');
  try {
    await uploadArticleFile(actor, services, {
      organizationId: article.organizationId,
      articleId: article.id,
      fileName: file instanceof File ? file.name : '',
      bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0),
    });
    return redirect(`/knowledge/${article.slug}/edit?done=uploaded#files-title`);
  } catch (error) {
    if (error instanceof ArticleFileRejectedError) {
      const code = error.messageKey.replace('knowledge.file.', '');
      return redirect(`/knowledge/${article.slug}/edit?file=${code}#files-title`);
    }
    rethrowAsResponse(error);
  }
}
