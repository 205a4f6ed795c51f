// /groups/:groupId/board: the group's own discussion. Members and facilitators read and
// write; facilitators hide and unhide; authors delete their own. Coordinators get 403,
// other organisations 404 (see board.policy.ts). Plain forms, phone first.
// validate → load (scoped) → authorize → use case → redirect with a notice.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/group-board';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { authorize, boardPolicy, boardPostPolicy, can } from '../../../src/platform/policy/index.ts';
import { findGroupResource } from '../../../src/features/groups/groups.queries.ts';
import { listBoard, type BoardEntry } from '../../../src/features/board/board.queries.ts';
import { postIdSchema, postSchema, replySchema } from '../../../src/features/board/board.validation.ts';
import { createPost } from '../../../src/features/board/create-post.ts';
import { replyToPost } from '../../../src/features/board/reply-to-post.ts';
import { moderatePost } from '../../../src/features/board/moderate-post.ts';
import { deletePost } from '../../../src/features/board/delete-post.ts';

const notices = ['posted', 'replied', 'hidden', 'unhidden', 'deleted'] as const;
type Notice = (typeof notices)[number];

function organizationIdFrom(actor: Actor, value: string | null | undefined): string {
  if (!value) {
    if (!actor.organizationId) throw data(null, { status: 404 });
    return actor.organizationId;
  }
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

function groupIdFrom(value: string | undefined): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

function pageUrl(groupId: string, organizationId: string, actor: Actor, notice: Notice, anchor = ''): string {
  const params = new URLSearchParams();
  if (organizationId !== actor.organizationId) params.set('organization', organizationId);
  params.set('done', notice);
  return `/groups/${groupId}/board?${params.toString()}${anchor}`;
}

/** What the page shows of one entry: a hidden post's text only to the facilitators. */
function shown(entry: BoardEntry, actor: Actor, resource: { organizationId: string; facilitatorUserIds: readonly string[]; memberUserIds: readonly string[] }, isReply: boolean) {
  const rules = can(boardPostPolicy, actor, { ...resource, authorUserId: entry.authorUserId, hidden: entry.hidden, isReply });
  const canSeeHidden = can(boardPolicy, actor, resource).moderate;
  return {
    id: entry.id,
    author: entry.authorFirstName,
    body: entry.hidden && !canSeeHidden ? null : entry.body,
    hidden: entry.hidden,
    createdAt: entry.createdAt.toISOString(),
    can: rules,
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const url = new URL(request.url);
  const organizationId = organizationIdFrom(actor, url.searchParams.get('organization'));
  const groupId = groupIdFrom(params.groupId);
  const done = url.searchParams.get('done');
  const { db } = state.services;
  const group = await findGroupResource(db, { organizationId, groupId });
  try {
    if (!group) throw data(null, { status: 404 });
    authorize(actor, group, boardPolicy.read);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const threads = await listBoard(db, { organizationId, groupId });
  return {
    notice: (notices as readonly string[]).includes(done ?? '') ? (done as Notice) : null,
    organizationParam: organizationId !== actor.organizationId ? organizationId : null,
    group: { id: group.id, name: group.name },
    can: can(boardPolicy, actor, group),
    threads: threads.map((thread) => ({ ...shown(thread, actor, group, false), replies: thread.replies.map((r) => shown(r, actor, group, true)) })),
  };
}

type ActionResult = { intent: string; postId: string; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const organizationId = organizationIdFrom(actor, form.organization);
  const groupId = groupIdFrom(params.groupId);
  const { services } = state;
  const intent = form.intent ?? '';
  const scope = { organizationId, groupId };
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, postId: form.postId ?? '', errors, values: form }, { status });
  try {
    if (intent === 'post') {
      const parsed = postSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await createPost(actor, services, { ...scope, body: parsed.data.body });
      return redirect(pageUrl(groupId, organizationId, actor, 'posted'));
    }
    if (intent === 'reply') {
      const parsed = replySchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await replyToPost(actor, services, { ...scope, postId: parsed.data.postId, body: parsed.data.body });
      return redirect(pageUrl(groupId, organizationId, actor, 'replied', `#post-${parsed.data.postId}`));
    }
    if (intent === 'hide' || intent === 'unhide' || intent === 'delete') {
      const parsed = postIdSchema.safeParse(form);
      if (!parsed.success) return fail({ form: 'error.badRequest' });
      if (intent === 'delete') {
        await deletePost(actor, services, { ...scope, postId: parsed.data.postId });
        return redirect(pageUrl(groupId, organizationId, actor, 'deleted'));
      }
      await moderatePost(actor, services, { ...scope, postId: parsed.data.postId, hidden: intent === 'hide' });
      return redirect(pageUrl(groupId, organizationId, actor, intent === 'hide' ? 'hidden' : 'unhidden'));
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    rethrowAsResponse(error);
  }
}

type Entry = ReturnType<typeof shown>;

function EntryButtons({ entry, orgField, describedBy }: { entry: Entry; orgField: React.ReactNode; describedBy: string }) {
  const t = useT();
  const buttons: [string, MessageKey, string][] = [];
  if (entry.can.hide) buttons.push(['hide', 'board.hide', 'button button--secondary']);
  if (entry.can.unhide) buttons.push(['unhide', 'board.unhide', 'button button--secondary']);
  if (entry.can.delete) buttons.push(['delete', 'board.delete', 'button button--danger']);
  if (buttons.length === 0) return null;
  return (
    <div className="button-row">
      {buttons.map(([intent, label, className]) => (
        <Form method="post" key={intent} className="inline-form">
          {orgField}
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="postId" value={entry.id} />
          <button type="submit" className={className} aria-describedby={describedBy}>
            {t(label)}
          </button>
        </Form>
      ))}
    </div>
  );
}

function EntryText({ entry }: { entry: Entry }) {
  const t = useT();
  if (entry.body === null) return <p className="muted">{t('board.hiddenNotice')}</p>;
  return (
    <>
      {entry.hidden ? <p className="board-hidden">{t('board.hiddenLabel')}</p> : null}
      <p className="board-body">{entry.body}</p>
    </>
  );
}

export default function GroupBoard() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const orgField = page.organizationParam ? <input type="hidden" name="organization" value={page.organizationParam} /> : null;
  const postError = result?.intent === 'post' && errors.body ? t(errors.body) : undefined;
  const replyError = (postId: string) => (result?.intent === 'reply' && result.postId === postId && errors.body ? t(errors.body) : undefined);
  const summaryErrors: FieldErrors = result?.intent === 'reply' && errors.body ? { form: errors.body } : errors;
  return (
    <div className="page">
      <title>{`${t('board.title', { group: page.group.name })} – Työpeili`}</title>
      <p>
        <a href={`/groups/${page.group.id}`}>{t('groups.backToGroup')}</a>
      </p>
      <h1>{t('board.title', { group: page.group.name })}</h1>
      <p className="lead">{t('board.lead')}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(`board.notice.${page.notice}`)}
        </p>
      ) : null}
      <ErrorSummary errors={summaryErrors} order={['form', 'body']} />

      {page.can.post ? (
        <section aria-labelledby="new-post-title">
          <h2 id="new-post-title">{t('board.newPostTitle')}</h2>
          <Form method="post" className="stack" noValidate>
            {orgField}
            <input type="hidden" name="intent" value="post" />
            <div className="field">
              <label htmlFor="body">{t('board.body')}</label>
              <p className="hint" id="body-hint">
                {t('board.bodyHint')}
              </p>
              {postError ? (
                <p className="error-text" id="body-error">
                  {postError}
                </p>
              ) : null}
              <textarea
                id="body"
                name="body"
                rows={4}
                maxLength={4000}
                aria-describedby={postError ? 'body-hint body-error' : 'body-hint'}
                aria-invalid={postError ? true : undefined}
                defaultValue={result?.intent === 'post' ? result.values.body : ''}
              />
            </div>
            <div>
              <button type="submit" className="button">
                {t('board.send')}
              </button>
            </div>
          </Form>
          <p>
            <a href="/profile/notifications">{t('board.digestLink')}</a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="posts-title">
        <h2 id="posts-title">{t('board.postsTitle')}</h2>
        {page.threads.length === 0 ? <p>{t('board.empty')}</p> : null}
        <ol className="board-list">
          {page.threads.map((post) => {
            const error = replyError(post.id);
            return (
              <li key={post.id}>
                <article className="card board-post" id={`post-${post.id}`} aria-labelledby={`post-${post.id}-by`}>
                  <h3 className="board-by" id={`post-${post.id}-by`}>
                    {t('board.postBy', { author: post.author, when: format.date(post.createdAt, 'datetime') })}
                  </h3>
                  <EntryText entry={post} />
                  <EntryButtons entry={post} orgField={orgField} describedBy={`post-${post.id}-by`} />
                  {post.replies.length ? (
                    <ol className="board-replies" aria-label={t('board.repliesTitle')}>
                      {post.replies.map((reply) => (
                        <li key={reply.id} id={`post-${reply.id}`}>
                          <p className="board-by" id={`post-${reply.id}-by`}>
                            {t('board.replyBy', { author: reply.author, when: format.date(reply.createdAt, 'datetime') })}
                          </p>
                          <EntryText entry={reply} />
                          <EntryButtons entry={reply} orgField={orgField} describedBy={`post-${reply.id}-by`} />
                        </li>
                      ))}
                    </ol>
                  ) : null}
                  {post.can.reply ? (
                    <Form method="post" className="stack board-reply" noValidate>
                      {orgField}
                      <input type="hidden" name="intent" value="reply" />
                      <input type="hidden" name="postId" value={post.id} />
                      <div className="field">
                        <label htmlFor={`reply-${post.id}`}>{t('board.replyLabel')}</label>
                        {error ? (
                          <p className="error-text" id={`reply-${post.id}-error`}>
                            {error}
                          </p>
                        ) : null}
                        <textarea
                          id={`reply-${post.id}`}
                          name="body"
                          rows={2}
                          maxLength={4000}
                          aria-describedby={[`post-${post.id}-by`, error ? `reply-${post.id}-error` : ''].filter(Boolean).join(' ')}
                          aria-invalid={error ? true : undefined}
                          defaultValue={result?.intent === 'reply' && result.postId === post.id ? result.values.body : ''}
                        />
                      </div>
                      <div>
                        <button type="submit" className="button button--secondary" aria-describedby={`post-${post.id}-by`}>
                          {t('board.sendReply')}
                        </button>
                      </div>
                    </Form>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
