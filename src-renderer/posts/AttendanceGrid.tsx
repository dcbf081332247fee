// The attendance grid's parts: a day's header (with its fill menu), a holder's row of cells,
// and the line describing the active cell with its history.

import { Button, Dropdown, Tooltip, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ATTENDANCE_MARKS, type AttendanceMark } from '../../shared/posts/schema';
import type { AttendanceCell, GridDay } from '../../shared/rpc/handlers';

import { formatTime, formatHours } from '../form/format';
import { holds, rowTotals } from './grid';
import { useCellHistory } from './queries';
import { usePersonName } from '../shell/people';

export function markText(t: TFunction, mark: AttendanceMark, hours: number): string {
  return mark === 'present' ? `${t('attendance.marks.present')} ${t('posts.hoursValue', { hours: formatHours(hours) })}` : t(`attendance.marks.${mark}`);
}

export function cellTitle(t: TFunction, name: string, date: string, cell: AttendanceCell | undefined, person: (login: string) => string = (login) => login): string {
  if (!cell) return t('attendance.cellEmpty', { name, date });
  const lines = [t('attendance.cellTitle', { name, date, mark: markText(t, cell.mark, cell.hours) }), t('attendance.cellBy', { by: person(cell.updatedBy), at: formatTime(cell.updatedAt) })];
  if (cell.corrections > 0) lines.push(t('attendance.cellCorrections', { count: cell.corrections }));
  return lines.join('\n');
}

export const DayHeader = memo(function DayHeader(props: { day: GridDay; col: number; enabled: boolean; fillHours: number; onFill(col: number, mark: AttendanceMark): void }) {
  const { t } = useTranslation();
  const { day } = props;
  const label = (
    <div className="leye-grid-day">
      <div>{day.day}</div>
      <div className="leye-grid-weekday">{t(`attendance.weekdays.${day.weekday}`)}</div>
    </div>
  );
  const className = `leye-grid-dayhead${day.weekend ? ' leye-weekend' : ''}${day.future ? ' leye-future' : ''}`;
  if (!props.enabled) return <th className={className}>{label}</th>;
  return (
    <th className={className}>
      <Dropdown
        trigger={['click']}
        menu={{
          items: ATTENDANCE_MARKS.map((mark) => ({
            key: mark,
            label: (
              <span data-testid={`col-fill-mark-${mark}`}>
                {mark === 'present' ? t('attendance.columnFillPresent', { hours: formatHours(props.fillHours) }) : t(`attendance.marks.${mark}`)}
              </span>
            ),
          })),
          onClick: ({ key }) => props.onFill(props.col, key as AttendanceMark),
        }}
      >
        <button type="button" className="leye-grid-dayhead-button" title={t('attendance.columnFillTip')} data-testid={`col-fill-${day.day}`} tabIndex={-1}>
          {label}
        </button>
      </Dropdown>
    </th>
  );
});

export const GridRow = memo(function GridRow(props: {
  row: number;
  name: string;
  from: string;
  to: string;
  days: GridDay[];
  cells: Record<string, AttendanceCell> | undefined;
  editable: boolean;
  activeCol: number;
  buffer: string;
  fillHours: number;
  onSelect(row: number, col: number): void;
  onFill(row: number): void;
}) {
  const { t } = useTranslation();
  const person = usePersonName();
  const { row, days, cells } = props;
  const totals = rowTotals(cells);
  return (
    <tr data-testid={`grid-row-${row}`}>
      <th className="leye-grid-name" title={t('posts.period', { from: props.from, to: props.to })} data-testid={`grid-name-${row}`}>
        {props.name}
      </th>
      {days.map((day, col) => {
        const cell = cells?.[day.date];
        const held = holds(props, day.date);
        const disabled = day.future || !held;
        const active = col === props.activeCol;
        const classes = ['leye-cell'];
        if (day.weekend) classes.push('leye-weekend');
        if (disabled) classes.push('leye-cell-disabled');
        if (cell) classes.push(`leye-mark-${cell.mark}`);
        if (active) classes.push('leye-cell-active');
        let content: React.ReactNode = '';
        if (active && props.buffer) content = <span className="leye-cell-typing">{props.buffer}</span>;
        else if (cell) content = cell.mark === 'present' ? formatHours(cell.hours) : t(`attendance.short.${cell.mark}`);
        return (
          <td
            key={day.date}
            className={classes.join(' ')}
            role="gridcell"
            aria-selected={active}
            aria-disabled={disabled || !props.editable}
            data-testid={`cell-${row}-${day.day}`}
            data-mark={cell?.mark ?? ''}
            data-hours={cell ? String(cell.hours) : ''}
            title={held ? cellTitle(t, props.name, day.date, cell, person) : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              props.onSelect(row, col);
            }}
          >
            {content}
            {cell && cell.corrections > 0 && <span className="leye-cell-corrected" data-testid="cell-corrected" />}
          </td>
        );
      })}
      <td className="leye-grid-total" data-testid={`row-total-${row}`}>
        {t('attendance.totalDays', { days: totals.presentDays })}
        <br />
        {t('attendance.totalHours', { hours: formatHours(totals.hours) })}
      </td>
      {props.editable && (
        <td className="leye-grid-fill">
          <Tooltip title={t('attendance.rowFillTip', { hours: formatHours(props.fillHours) })}>
            <Button size="small" icon={<ThunderboltOutlined />} data-testid={`row-fill-${row}`} onClick={() => props.onFill(row)} tabIndex={-1}>
              {t('attendance.rowFill')}
            </Button>
          </Tooltip>
        </td>
      )}
    </tr>
  );
});

export function ActiveCellInfo(props: { postId: string; name: string; residentId: string; day: GridDay; cell: AttendanceCell | undefined; buffer: string }) {
  const { t } = useTranslation();
  const person = usePersonName();
  const { cell } = props;
  const history = useCellHistory(props.postId, props.residentId, props.day.date, cell?.updatedAt ?? '', Boolean(cell && cell.corrections > 0));
  return (
    <div className="leye-grid-info" data-testid="active-cell-info">
      <Typography.Text strong>
        {props.name} · {props.day.date} {t(`attendance.weekdays.${props.day.weekday}`)}
      </Typography.Text>
      {' · '}
      {props.buffer ? (
        <Typography.Text type="warning">{t('attendance.typing', { buffer: props.buffer })}</Typography.Text>
      ) : cell ? (
        <>
          <span>{markText(t, cell.mark, cell.hours)}</span>
          <Typography.Text type="secondary"> · {t('attendance.cellBy', { by: person(cell.updatedBy), at: formatTime(cell.updatedAt) })}</Typography.Text>
          {cell.corrections > 0 && (
            <Typography.Text type="secondary"> · {t('attendance.cellCorrections', { count: cell.corrections })}</Typography.Text>
          )}
        </>
      ) : (
        <Typography.Text type="secondary">{t('attendance.notRecorded')}</Typography.Text>
      )}
      {cell && cell.corrections > 0 && (
        <div className="leye-grid-history" data-testid="cell-history">
          <Typography.Text type="secondary">{t('attendance.history')}</Typography.Text>
          {history.isPending ? (
            <Typography.Text type="secondary">{t('attendance.historyLoading')}</Typography.Text>
          ) : (
            (history.data ?? []).map((rev, index) => (
              <span key={index} className="leye-grid-history-entry">
                {t('attendance.historyEntry', { at: formatTime(rev.at), by: person(rev.by), mark: markText(t, rev.mark, rev.hours) })}
              </span>
            ))
          )}
        </div>
      )}
    </div>
  );
}
