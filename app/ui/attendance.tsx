// One attendance record as text: the status, and the hours when recorded; "not recorded" when none.
import { useFormat, useT } from '../lib/i18n';
import type { AttendanceCell } from '../../src/features/meetings/attendance.queries.ts';

export function StatusText({ cell, withHours = true }: { cell: AttendanceCell | null | undefined; withHours?: boolean }) {
  const t = useT();
  const f = useFormat();
  if (!cell) return <span className="muted">{t('attendance.status.none')}</span>;
  return (
    <>
      {t(`attendance.status.${cell.status}`)}
      {withHours && cell.hours !== null ? (
        <>
          <br />
          {t('attendance.hours', { hours: f.number(cell.hours) })}
        </>
      ) : null}
    </>
  );
}
