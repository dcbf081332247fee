// The classroom sign-in screen: big type, one field, no waiting. A card reader types the ID
// number and Enter in a burst; the entry goes into a queue, the field is cleared and keeps the
// focus, and the next person can go at once. Each result shows big (green / amber / red, with a
// flash and a tone) and joins the list of the last ten.

import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Empty, Result, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, UnorderedListOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkIdNumber, idNumberProblem, normalizeIdNumber } from '../../shared/id/idNumber';
import { maskIdNumber } from '../../shared/id/mask';
import type { SignInResult, TraineeView } from '../../shared/rpc/handlers';
import type { HalfDay, SignDirection, SignInMethod, TimetableSlot } from '../../shared/training/schema';
import { leye } from '../bridge';
import { navigate } from '../route';
import { beep, primeAudio } from './beep';
import { trainingErrorText } from '../errors';
import { SubmitQueue, type Outcome } from './queue';
import { trainingKeys, useSignIns, useTrainingSession } from './queries';
import { addLocal, pushRecent, signedSets } from './signInState';
import { chooseSlot, compareSlots, slotKey } from './timetable';
import { ShownOutcome, StatusText, ResultPanel, SignInInputHandle, SignInInput, PickList } from './SignInParts';

interface Entry {
  seq: number;
  sessionId: string;
  date: string;
  half: HalfDay;
  direction: SignDirection;
  method: SignInMethod;
  idNumber?: string;
  residentId?: string;
  /** Known beforehand when picked from the list. */
  name?: string;
}

export function SignInScreen({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const session = useTrainingSession(sessionId);
  if (session.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (session.isError) return <Result status="error" title={trainingErrorText(t, session.error)} />;
  if (!session.data) return <Result status="404" title={t('training.session.notFound')} />;
  if (session.data.session.timetable.length === 0) {
    return (
      <Result
        status="warning"
        title={t('training.signIn.noSlots')}
        extra={<Button onClick={() => navigate({ name: 'session', id: sessionId })}>{t('training.signIn.back')}</Button>}
      />
    );
  }
  return <SignInDesk sessionId={sessionId} timetable={session.data.session.timetable} trainees={session.data.trainees} title={session.data.session.course.occupation} level={session.data.session.course.level} />;
}

function SignInDesk(props: { sessionId: string; timetable: TimetableSlot[]; trainees: TraineeView[]; title: string; level: string }) {
  const { sessionId, trainees } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const timetable = useMemo(() => [...props.timetable].sort(compareSlots), [props.timetable]);
  const [slot, setSlot] = useState<string>(() => slotKey(chooseSlot(timetable, new Date()) ?? timetable[0]!));
  const current = timetable.find((s) => slotKey(s) === slot) ?? timetable[0]!;
  const [direction, setDirection] = useState<SignDirection>('in');
  const [outcomes, setOutcomes] = useState<ShownOutcome[]>([]);
  const [local, setLocal] = useState<Record<string, { in: string[]; out: string[] }>>({});
  const [pending, setPending] = useState(0);
  const [picking, setPicking] = useState(false);
  const input = useRef<SignInInputHandle>(null);
  const seq = useRef(0);
  const tRef = useRef(t);
  tRef.current = t;

  const records = useSignIns(sessionId, current.date, current.half);
  const signed = signedSets(records.data, local[slotKey(current)]);

  const settle = useRef<(entry: Entry, outcome: Outcome<SignInResult>) => void>(() => {});
  settle.current = (entry, outcome) => {
    const t = tRef.current;
    const shownAt = dayjs().format('HH:mm:ss');
    let shown: ShownOutcome;
    if (outcome.ok) {
      const r = outcome.value;
      shown = {
        seq: entry.seq,
        tone: r.already ? 'already' : 'ok',
        direction: entry.direction,
        method: entry.method,
        name: r.name,
        idMasked: r.idNumberMasked,
        shownAt,
        time: dayjs(r.at).format('HH:mm'),
        lateMinutes: r.lateMinutes,
        earlyLeaveMinutes: r.earlyLeaveMinutes,
      };
      const key = `${entry.date}:${entry.half}`;
      setLocal((all) => ({ ...all, [key]: addLocal(all[key], entry.direction, r.residentId) }));
    } else {
      shown = {
        seq: entry.seq,
        tone: 'refused',
        direction: entry.direction,
        method: entry.method,
        name: entry.name ?? '',
        idMasked: entry.idNumber ? maskIdNumber(entry.idNumber) : '',
        shownAt,
        time: '',
        lateMinutes: 0,
        earlyLeaveMinutes: 0,
        error: trainingErrorText(t, outcome.error),
      };
    }
    beep(shown.tone);
    setOutcomes((list) => pushRecent(list, shown, 10));
  };

  const [queue] = useState(
    () =>
      new SubmitQueue<Entry, SignInResult>(
        (entry) =>
          leye.call('training.signIn', {
            sessionId: entry.sessionId,
            date: entry.date,
            half: entry.half,
            direction: entry.direction,
            method: entry.method,
            ...(entry.idNumber ? { idNumber: entry.idNumber } : { residentId: entry.residentId }),
          }),
        (entry, outcome) => settle.current(entry, outcome),
      ),
  );

  useEffect(
    () =>
      queue.onChange(() => {
        setPending(queue.size);
        if (queue.size === 0) {
          // Everyone in the burst has an answer: bring the counts and rates up to date.
          void queryClient.invalidateQueries({ queryKey: trainingKeys.signInsOf(sessionId) });
          void queryClient.invalidateQueries({ queryKey: trainingKeys.attendance(sessionId) });
        }
      }),
    [queue, queryClient, sessionId],
  );

  const enqueue = useCallback(
    (fields: Pick<Entry, 'method' | 'idNumber' | 'residentId' | 'name'>) => {
      seq.current += 1;
      queue.push({ seq: seq.current, sessionId, date: current.date, half: current.half, direction, ...fields });
    },
    [queue, sessionId, current.date, current.half, direction],
  );

  const onEntry = useCallback(
    (raw: string, method: 'idCard' | 'typedId') => {
      const value = normalizeIdNumber(raw);
      if (!value) return;
      const check = checkIdNumber(value);
      if (!check.ok) {
        // Refused here, at once: no call for a number that cannot exist.
        seq.current += 1;
        const shown: ShownOutcome = {
          seq: seq.current,
          tone: 'refused',
          direction,
          method,
          name: '',
          idMasked: value.length >= 8 ? maskIdNumber(value) : value.replace(/./g, '*'),
          shownAt: dayjs().format('HH:mm:ss'),
          time: '',
          lateMinutes: 0,
          earlyLeaveMinutes: 0,
          error: tRef.current(idNumberProblem(check).messageKey, idNumberProblem(check).params),
        };
        beep('refused');
        setOutcomes((list) => pushRecent(list, shown, 10));
        return;
      }
      enqueue({ method, idNumber: check.idNumber });
    },
    [enqueue, direction],
  );

  // Keys typed while nothing editable has the focus (after a click elsewhere) go to the field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (picking || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (/^[0-9xX０-９ｘＸ]$/.test(event.key)) input.current?.takeKey(event.timeStamp);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [picking]);

  useEffect(() => {
    if (!picking) input.current?.focus();
  }, [picking, slot, direction]);

  const latest = outcomes[0];
  const today = dayjs().format('YYYY-MM-DD');
  const slotOptions = timetable.map((s) => ({
    value: slotKey(s),
    label: `${t('training.signIn.slotLabel', { date: s.date, half: t(`training.half.${s.half}`), start: s.start, end: s.end })}${s.date === today ? ` · ${t('training.signIn.today')}` : ''}`,
  }));

  return (
    <div className="leye-signin" data-testid="signin-screen" onPointerDown={primeAudio}>
      <div className="leye-signin-top">
        <Space size={12} wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'session', id: sessionId })} data-testid="signin-back">
            {t('training.signIn.back')}
          </Button>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('training.signIn.title')} · {props.title}
          </Typography.Title>
          <Tag color="blue">{t(`training.levels.${props.level}`)}</Tag>
        </Space>
        <Space size={12} wrap>
          <Select
            size="large"
            style={{ minWidth: 300 }}
            value={slot}
            onChange={setSlot}
            options={slotOptions}
            aria-label={t('training.signIn.slot')}
            data-testid="signin-slot"
          />
          <Segmented<SignDirection>
            size="large"
            value={direction}
            onChange={setDirection}
            options={[
              { value: 'in', label: t('training.direction.in') },
              { value: 'out', label: t('training.direction.out') },
            ]}
            data-testid="signin-direction"
          />
        </Space>
      </div>

      <div className="leye-signin-count" data-testid="signin-count">
        {t('training.signIn.count', { signed: signed.in.size, enrolled: trainees.length })}
        {direction === 'out' && <span className="leye-signin-count-out">{t('training.signIn.countOut', { count: signed.out.size })}</span>}
        {pending > 0 && (
          <Typography.Text type="secondary" className="leye-signin-pending" data-testid="signin-pending">
            {t('training.signIn.pending', { count: pending })}
          </Typography.Text>
        )}
      </div>

      <SignInInput ref={input} onEntry={onEntry} placeholder={t('training.signIn.inputPlaceholder')} />

      <ResultPanel outcome={latest} />

      <div className="leye-signin-bottom">
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('training.signIn.recent')}
          </Typography.Title>
          <Button icon={<UnorderedListOutlined />} onClick={() => setPicking(true)} data-testid="signin-pick">
            {t('training.signIn.pickFromList')}
          </Button>
        </Space>
        {outcomes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.signIn.noRecent')} />
        ) : (
          <div className="leye-signin-recent">
            {outcomes.map((o) => (
              <div key={o.seq} className={`leye-signin-recent-row ${o.tone}`} data-testid="signin-recent-row" data-tone={o.tone}>
                <span className="leye-mono">{o.shownAt}</span>
                <span className="leye-signin-recent-name">{o.name || '—'}</span>
                <span className="leye-mono">{o.idMasked}</span>
                <Tag>{t(`training.direction.${o.direction}`)}</Tag>
                <Tag color={o.method === 'idCard' ? 'geekblue' : o.method === 'list' ? 'purple' : 'default'} data-testid="signin-recent-method">
                  {t(`training.methods.${o.method}`)}
                </Tag>
                <span className="leye-signin-recent-status">
                  {o.tone === 'refused' ? o.error : <StatusText outcome={o} />}
                </span>
              </div>
            ))}
          </div>
        )}
      </div>

      <Drawer
        open={picking}
        onClose={() => setPicking(false)}
        size={560}
        title={t('training.signIn.pickTitle', { direction: t(`training.direction.${direction}`) })}
        data-testid="signin-pick-drawer"
        // Back to the big field, not to the button that opened the list.
        afterOpenChange={(open) => !open && input.current?.focus()}
      >
        <PickList
          trainees={trainees}
          done={direction === 'in' ? signed.in : signed.out}
          direction={direction}
          onPick={(trainee) => enqueue({ method: 'list', residentId: trainee.residentId, name: trainee.name })}
        />
      </Drawer>
    </div>
  );
}
