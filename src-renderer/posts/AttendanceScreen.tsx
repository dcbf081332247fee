// The attendance month grid of one post: holders × days, driven from the keyboard (see
// ./grid.ts for the key model), with row and column fills, optimistic saves that roll back
// on refusal, per-cell history, and the month close below.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, InputNumber, Result, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, LeftOutlined, LockOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AttendanceMark } from '../../shared/posts/schema';
import type { AttendanceGridView } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { errorText, rpcErrorText } from '../errors';
import { navigate } from '../route';
import { mayCall } from '../access/may';
import { useSession } from '../station/queries';
import { changedOnly, columnFillMarks, confirmed, defaultDailyHours, firstOpen, gridKey, holds, optimisticWrites, rolledBack, rowFillMarks, withCells, type GridShape, type KeyState, type MarkEntry } from './grid';
import { attendanceKeys, useAttendanceGrid } from './queries';
import { MonthClose } from './MonthClose';
import './posts.css';
import { PrintButton, printRoute } from '../print';
import { DayHeader, GridRow, ActiveCellInfo } from './AttendanceGrid';

function shiftMonth(month: string, by: number): string {
  return dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');
}

export function AttendanceScreen({ postId, month }: { postId: string; month: string }) {
  const { t } = useTranslation();
  const grid = useAttendanceGrid(postId, month);
  if (grid.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (grid.isError) {
    return (
      <Result
        status="error"
        title={errorText(t, grid.error)}
        extra={<Button onClick={() => navigate({ name: 'post', id: postId })}>{t('attendance.back')}</Button>}
      />
    );
  }
  return <AttendanceView grid={grid.data} />;
}

/** Sends marks with an optimistic display, confirming or rolling back per cell. */
function useSaver(grid: AttendanceGridView) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const { user } = useSession();
  const key = attendanceKeys.grid(grid.post.id, grid.month);
  const summaryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (summaryTimer.current && clearTimeout(summaryTimer.current)), []);

  return useCallback(
    async (requested: readonly MarkEntry[]): Promise<number> => {
      const current = client.getQueryData<AttendanceGridView>(key);
      if (!current) return 0;
      const entries = changedOnly(requested, current.cells);
      if (entries.length === 0) return 0;
      const { writes, rollbacks } = optimisticWrites(current, entries, user?.loginName ?? '', new Date().toISOString());
      void client.cancelQueries({ queryKey: key });
      client.setQueryData<AttendanceGridView>(key, (g) => g && withCells(g, writes));
      try {
        const answer = await leye.call('attendance.set', { postId: grid.post.id, marks: entries });
        client.setQueryData<AttendanceGridView>(key, (g) => g && confirmed(g, rollbacks, answer.cells));
        // The summary follows the grid, once the typing pauses.
        if (summaryTimer.current) clearTimeout(summaryTimer.current);
        summaryTimer.current = setTimeout(() => void client.invalidateQueries({ queryKey: attendanceKeys.summary(grid.post.id, grid.month) }), 400);
        return entries.length;
      } catch (reason) {
        client.setQueryData<AttendanceGridView>(key, (g) => g && rolledBack(g, rollbacks));
        const error = toLeyeError(reason).rpc;
        void message.error({ content: t('attendance.saveFailed', { reason: rpcErrorText(t, error) }), key: 'attendance-save' });
        // Closed elsewhere (or otherwise out of date): show the grid as the core has it.
        if (error.code === 'LOCKED' || error.code === 'CONFLICT') void client.invalidateQueries({ queryKey: key });
        return 0;
      }
    },
    [client, grid.post.id, grid.month, user?.loginName, t, message],
  );
}

function AttendanceView({ grid }: { grid: AttendanceGridView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { role } = useSession();
  const save = useSaver(grid);
  const { days, holders, cells, post } = grid;
  const canWrite = mayCall('attendance.set', role);
  const editableGrid = canWrite && !grid.locked;
  const [fillHours, setFillHours] = useState(() => defaultDailyHours(post.plannedHoursPerMonth, days));

  const shape: GridShape = useMemo(
    () => ({
      rows: holders.length,
      cols: days.length,
      editable: (row, col) => {
        const holder = holders[row];
        const day = days[col];
        return editableGrid && holder !== undefined && day !== undefined && !day.future && holds(holder, day.date);
      },
    }),
    [holders, days, editableGrid],
  );
  const cellsRef = useRef(cells);
  cellsRef.current = cells;
  const [keys, setKeys] = useState<KeyState>(() => ({
    active: firstOpen(shape, (row, col) => Boolean(cells[holders[row]!.residentId]?.[days[col]!.date])),
    buffer: '',
  }));
  const gridRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (holders.length > 0) gridRef.current?.focus({ preventScroll: true });
  }, [holders.length]);

  useEffect(() => {
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-testid="cell-${keys.active.row}-${days[keys.active.col]?.day ?? 0}"]`);
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [keys.active.row, keys.active.col, days]);

  const apply = (entries: MarkEntry[]) => void save(entries);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.altKey || event.metaKey) return;
    const result = gridKey(keys, event.key, shape, { ctrl: event.ctrlKey });
    if (!result.handled) return;
    event.preventDefault();
    setKeys(result.state);
    const action = result.action;
    if (!action) return;
    if (action.kind === 'set') {
      const holder = holders[action.pos.row]!;
      const day = days[action.pos.col]!;
      apply([{ residentId: holder.residentId, date: day.date, mark: action.mark, hours: action.hours }]);
    } else if (action.kind === 'notEditable') {
      void message.warning({ content: grid.locked ? t('errors.attendance.monthClosed', { month: grid.month }) : t('attendance.notEditable'), key: 'attendance-key' });
    } else {
      void message.warning({ content: t('errors.attendance.hours'), key: 'attendance-key' });
    }
  };

  const select = useCallback((row: number, col: number) => {
    setKeys({ active: { row, col }, buffer: '' });
    gridRef.current?.focus({ preventScroll: true });
  }, []);

  const fillRow = async (row: number) => {
    const holder = holders[row]!;
    const entries = rowFillMarks(days, holder, cellsRef.current[holder.residentId], fillHours);
    if (entries.length === 0) {
      void message.info(t('attendance.nothingToFill'));
      return;
    }
    const count = await save(entries);
    if (count > 0) void message.success({ content: t('attendance.filled', { count }), key: 'attendance-fill' });
  };

  const fillColumn = async (col: number, mark: AttendanceMark) => {
    const entries = columnFillMarks(days[col]!, holders, cellsRef.current, mark, fillHours);
    if (entries.length === 0) {
      void message.info(t('attendance.nothingToFill'));
      return;
    }
    const count = await save(entries);
    if (count > 0) void message.success({ content: t('attendance.filled', { count }), key: 'attendance-fill' });
  };

  // Stable callbacks, so a key press re-renders only the rows whose active cell changed.
  const fills = useRef({ fillRow, fillColumn });
  fills.current = { fillRow, fillColumn };
  const onFillRow = useCallback((row: number) => void fills.current.fillRow(row), []);
  const onFillColumn = useCallback((col: number, mark: AttendanceMark) => void fills.current.fillColumn(col, mark), []);

  const thisMonth = dayjs().format('YYYY-MM');
  const activeHolder = holders[keys.active.row];
  const activeDay = days[keys.active.col];

  return (
    <div className="leye-posts leye-attendance" data-testid="attendance-screen" data-month={grid.month} data-locked={grid.locked ? 'true' : 'false'}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'post', id: post.id })} data-testid="attendance-back">
          {t('attendance.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="attendance-title">
          {t('attendance.title', { post: `${post.code} ${post.name}`, month: grid.month })}
        </Typography.Title>
        <Space.Compact>
          <Tooltip title={t('attendance.prevMonth')}>
            <Button icon={<LeftOutlined />} data-testid="attendance-prev" onClick={() => navigate({ name: 'attendance', postId: post.id, month: shiftMonth(grid.month, -1) })} />
          </Tooltip>
          <Tooltip title={t('attendance.nextMonth')}>
            <Button
              icon={<RightOutlined />}
              data-testid="attendance-next"
              disabled={grid.month >= thisMonth}
              onClick={() => navigate({ name: 'attendance', postId: post.id, month: shiftMonth(grid.month, 1) })}
            />
          </Tooltip>
        </Space.Compact>
        {grid.close?.status === 'closed' && (
          <Tag color="red" icon={<LockOutlined />} data-testid="month-closed-tag">
            {t('attendance.close.closed')}
          </Tag>
        )}
        {grid.close?.status === 'reopened' && (
          <Tag color="orange" data-testid="month-reopened-tag">
            {t('attendance.close.reopenedTag')}
          </Tag>
        )}
        {!canWrite && <Tag>{t('attendance.readOnly')}</Tag>}
        <PrintButton route={printRoute('attendance', post.id, grid.month)} fileName={`${post.code}-${t('print.attendance.title')}-${grid.month}`} label={t('print.button.attendance')} testId="print-attendance" />
        {grid.close?.status === 'closed' && <Button onClick={() => navigate({ name: 'assessment', postId: post.id, month: grid.month })} data-testid="open-assessment">{t('assessment.open')}</Button>}
      </Space>
      {grid.countyLockedAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="attendance-county-locked"
          title={t('attendance.close.countyLocked', { at: grid.countyLockedAt.slice(0, 10) })}
          description={t('attendance.close.countyLockedHint')}
        />
      )}

      {editableGrid && (
        <div className="leye-grid-toolbar">
          <Space size={6}>
            <span>{t('attendance.fillHours')}</span>
            <Tooltip title={t('attendance.fillHoursHint')}>
              <InputNumber<number>
                size="small"
                min={0.5}
                max={24}
                step={0.5}
                value={fillHours}
                onChange={(value) => value && Math.round(value * 2) === value * 2 && setFillHours(value)}
                style={{ width: 72 }}
                data-testid="fill-hours"
              />
            </Tooltip>
          </Space>
          <Typography.Text type="secondary" className="leye-grid-legend" data-testid="grid-legend">
            <strong>{t('attendance.legendTitle')}</strong>
            {t('attendance.legend')}
          </Typography.Text>
        </div>
      )}

      {holders.length === 0 ? (
        <Alert type="info" showIcon title={t('attendance.noHolders')} style={{ marginBottom: 16 }} />
      ) : (
        <div className="leye-grid-wrap">
          <div
            ref={gridRef}
            className={`leye-grid${grid.locked ? ' leye-grid-locked' : ''}`}
            tabIndex={0}
            role="grid"
            aria-readonly={!editableGrid}
            data-testid="grid"
            data-active={`${keys.active.row}-${activeDay?.day ?? 0}`}
            onKeyDown={onKeyDown}
          >
            <table>
              <thead>
                <tr>
                  <th className="leye-grid-name">{t('attendance.holder')}</th>
                  {days.map((day, col) => (
                    <DayHeader key={day.date} day={day} col={col} enabled={editableGrid && !day.future} fillHours={fillHours} onFill={onFillColumn} />
                  ))}
                  <th className="leye-grid-total">{t('attendance.totals')}</th>
                  {editableGrid && <th className="leye-grid-fill" />}
                </tr>
              </thead>
              <tbody>
                {holders.map((holder, row) => (
                  <GridRow
                    key={holder.assignmentId}
                    row={row}
                    name={holder.name}
                    from={holder.from}
                    to={holder.to}
                    days={days}
                    cells={cells[holder.residentId]}
                    editable={editableGrid}
                    activeCol={keys.active.row === row ? keys.active.col : -1}
                    buffer={keys.active.row === row ? keys.buffer : ''}
                    fillHours={fillHours}
                    onSelect={select}
                    onFill={onFillRow}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {activeHolder && activeDay && <ActiveCellInfo postId={post.id} name={activeHolder.name} residentId={activeHolder.residentId} day={activeDay} cell={cells[activeHolder.residentId]?.[activeDay.date]} buffer={keys.buffer} />}
        </div>
      )}
      <MonthClose grid={grid} />
    </div>
  );
}
