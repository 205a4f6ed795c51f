// The second step of a staff action that is hard to take back (remove a member, decline an
// application, cancel a meeting). Works without JavaScript: the first POST (without
// confirm=on) changes nothing and answers with this section; its form repeats the fields
// with confirm=on, and only that POST acts. "Go back" is a plain link to the page.
import { useEffect, useRef } from 'react';
import { Form } from 'react-router';
import { z } from 'zod';

/** Whether the POST carries the confirmation of the second step. */
export function isConfirmed(form: Record<string, string>): boolean {
  return z.object({ confirm: z.literal('on') }).safeParse(form).success;
}

export function ConfirmStep({
  title,
  lead,
  fields,
  confirmLabel,
  backHref,
  backLabel,
  children,
}: {
  title: string;
  lead: string;
  /** The first step's fields, sent again with confirm=on. */
  fields: Record<string, string>;
  confirmLabel: string;
  backHref: string;
  backLabel: string;
  children?: React.ReactNode;
}) {
  // With JavaScript the step appears in place: the focus moves to it, so the next Tab is its button.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice confirm-step" aria-labelledby="confirm-title">
      <h2 id="confirm-title" className="notice-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <p>{lead}</p>
      {children}
      <Form method="post" className="button-row">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="on" />
        <button type="submit" className="button button--danger">
          {confirmLabel}
        </button>
        <a className="button button--secondary" href={backHref}>
          {backLabel}
        </a>
      </Form>
    </section>
  );
}
