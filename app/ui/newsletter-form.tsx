// The compose form of a newsletter (new and edit): Markdown per language, the audience choice.
import { Form } from 'react-router';
import { useT } from '../lib/i18n';
import { ErrorSummary, Field, RadioGroup, type FieldErrors } from './form';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';

export interface ComposeTargets {
  groups: { id: string; name: string }[];
  events: { id: string; name: string }[];
}

const languages = ['fi', 'sv', 'en'] as const;
const suffix = { fi: 'Fi', sv: 'Sv', en: 'En' } as const;
const order = ['form', 'subjectFi', 'bodyFi', 'subjectSv', 'bodySv', 'subjectEn', 'bodyEn', 'audienceKind', 'groupId', 'eventId'];

export function NewsletterForm({ values, errors, targets }: { values: Record<string, string>; errors: FieldErrors; targets: ComposeTargets }) {
  const t = useT();
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const kind = values.audienceKind ?? 'subscribers';
  return (
    <>
      <ErrorSummary errors={errors} order={order} />
      <Form method="post" className="stack" noValidate>
        <p className="hint">{t('newsletters.form.hint')}</p>
        {languages.map((l) => (
          <fieldset key={l}>
            <legend>{t(`newsletters.form.lang.${l}`)}</legend>
            <Field id={`subject${suffix[l]}`} label={t('newsletters.form.subject')} error={err(`subject${suffix[l]}`)}>
              {(p) => <input {...p} type="text" required={l === 'fi'} aria-required={l === 'fi' ? 'true' : undefined} defaultValue={values[`subject${suffix[l]}`] ?? ''} />}
            </Field>
            <Field id={`body${suffix[l]}`} label={t('newsletters.form.body')} error={err(`body${suffix[l]}`)}>
              {(p) => <textarea {...p} rows={12} required={l === 'fi'} aria-required={l === 'fi' ? 'true' : undefined} defaultValue={values[`body${suffix[l]}`] ?? ''} />}
            </Field>
          </fieldset>
        ))}
        <RadioGroup
          name="audienceKind"
          legend={t('newsletters.form.audience')}
          error={err('audienceKind')}
          options={(['subscribers', 'entrepreneurs', 'group', 'event'] as const).map((k) => ({ value: k, label: t(`newsletters.audience.${k}`), defaultChecked: kind === k }))}
        />
        <Field id="groupId" label={t('newsletters.form.group')} error={err('groupId')}>
          {(p) => (
            <select {...p} defaultValue={values.groupId ?? ''}>
              <option value="">{t('newsletters.form.choose')}</option>
              {targets.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="eventId" label={t('newsletters.form.event')} error={err('eventId')}>
          {(p) => (
            <select {...p} defaultValue={values.eventId ?? ''}>
              <option value="">{t('newsletters.form.choose')}</option>
              {targets.events.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p>
          <button type="submit" className="button">
            {t('newsletters.form.save')}
          </button>{' '}
          <a href="/organization/newsletters">{t('newsletters.form.cancel')}</a>
        </p>
      </Form>
    </>
  );
}
