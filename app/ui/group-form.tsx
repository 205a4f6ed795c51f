// The group's fields, shared by creating and editing a group.
import { useT } from '../lib/i18n';
import { Field } from './form';
import { groupStatuses } from '../../src/features/groups/groups.schema.ts';
import { groupFormats } from '../../src/features/groups/groups.validation.ts';

export function GroupFields({
  values,
  err,
  candidates,
}: {
  values: Record<string, string>;
  err: (field: string) => string | undefined;
  candidates: { userId: string; name: string }[];
}) {
  const t = useT();
  return (
    <>
      <Field id="name" label={t('groups.field.name')} error={err('name')}>
        {(p) => <input {...p} type="text" autoComplete="off" defaultValue={values.name ?? ''} required maxLength={100} />}
      </Field>
      <Field id="status" label={t('groups.field.status')} error={err('status')}>
        {(p) => (
          <select {...p} defaultValue={values.status ?? 'forming'}>
            {groupStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`groups.status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="format" label={t('groups.field.format')} error={err('format')}>
        {(p) => (
          <select {...p} defaultValue={values.format ?? 'in_person'}>
            {groupFormats.map((f) => (
              <option key={f} value={f}>
                {t(`groups.format.${f}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="facilitator1" label={t('groups.field.facilitator1')} error={err('facilitator1')}>
        {(p) => (
          <select {...p} defaultValue={values.facilitator1 ?? ''}>
            <option value="">{t('groups.field.choose')}</option>
            {candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="facilitator2" label={t('groups.field.facilitator2')} hint={t('groups.field.facilitator2Hint')} error={err('facilitator2')}>
        {(p) => (
          <select {...p} defaultValue={values.facilitator2 ?? ''}>
            <option value="">{t('groups.field.noSecond')}</option>
            {candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="description" label={t('groups.field.description')} hint={t('groups.field.descriptionHint')} error={err('description')}>
        {(p) => <textarea {...p} rows={3} defaultValue={values.description ?? ''} maxLength={1000} />}
      </Field>
    </>
  );
}
