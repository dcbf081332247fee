// The sign-in desk's parts: the outcome shown for the last card or number, the card-reader
// input (which tells a reader's burst from typing), and the pick list of trainees not yet signed.

import { Button, Input, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraineeView } from '../../shared/rpc/handlers';
import type { SignDirection, SignInMethod } from '../../shared/training/schema';
import { type Tone } from './beep';
import { ID_INPUT_MAX_LENGTH, idFieldValue, isComposing } from '../residents/idNumberInput';
import { EntryTimer } from './reader';

export interface ShownOutcome {
  seq: number;
  tone: Tone;
  direction: SignDirection;
  method: SignInMethod;
  name: string;
  idMasked: string;
  /** Local time the outcome came back. */
  shownAt: string;
  /** Time of the recorded sign-in (HH:mm) for ok/already. */
  time: string;
  lateMinutes: number;
  earlyLeaveMinutes: number;
  error?: string;
}

export function StatusText({ outcome }: { outcome: ShownOutcome }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (outcome.tone === 'already') parts.push(t(`training.signIn.already.${outcome.direction}`, { name: '', time: outcome.time }).trim());
  else parts.push(`${t('training.signIn.status.ok')} ${outcome.time}`);
  if (outcome.lateMinutes > 0) parts.push(t('training.signIn.late', { minutes: outcome.lateMinutes }));
  if (outcome.earlyLeaveMinutes > 0) parts.push(t('training.signIn.early', { minutes: outcome.earlyLeaveMinutes }));
  return <>{parts.join(' · ')}</>;
}

export function ResultPanel({ outcome }: { outcome: ShownOutcome | undefined }) {
  const { t } = useTranslation();
  if (!outcome) {
    return (
      <div className="leye-signin-result idle" data-testid="signin-result" data-tone="idle">
        <div className="leye-signin-result-main">{t('training.signIn.ready')}</div>
      </div>
    );
  }
  const icon = outcome.tone === 'ok' ? <CheckCircleFilled /> : outcome.tone === 'already' ? <ExclamationCircleFilled /> : <CloseCircleFilled />;
  let main: string;
  const extra: string[] = [];
  if (outcome.tone === 'refused') {
    main = outcome.error ?? '';
  } else {
    main = t(`training.signIn.${outcome.tone === 'ok' ? 'success' : 'already'}.${outcome.direction}`, { name: outcome.name, time: outcome.time });
    if (outcome.lateMinutes > 0) extra.push(t('training.signIn.late', { minutes: outcome.lateMinutes }));
    if (outcome.earlyLeaveMinutes > 0) extra.push(t('training.signIn.early', { minutes: outcome.earlyLeaveMinutes }));
  }
  return (
    // The key restarts the flash animation for every new outcome.
    <div key={outcome.seq} className={`leye-signin-result ${outcome.tone}`} data-testid="signin-result" data-tone={outcome.tone} role="status" aria-live="assertive">
      <div className="leye-signin-result-main">
        {icon} <span data-testid="signin-result-text">{main}</span>
      </div>
      {(extra.length > 0 || outcome.tone === 'refused') && (
        <div className="leye-signin-result-extra">
          {outcome.tone === 'refused'
            ? `${t('training.signIn.refusedTitle', { direction: t(`training.direction.${outcome.direction}`) })}${outcome.idMasked ? ` · ${outcome.idMasked}` : ''}`
            : extra.join(' · ')}
        </div>
      )}
    </div>
  );
}

export interface SignInInputHandle {
  focus(): void;
  /** A key pressed while the field did not have the focus: focus it and count the key. */
  takeKey(at: number): void;
}

/** The one big field. Its own component: a burst of keystrokes re-renders only this. */
export const SignInInput = forwardRef<SignInInputHandle, { onEntry(value: string, method: 'idCard' | 'typedId'): void; placeholder: string }>(function SignInInput(
  { onEntry, placeholder },
  ref,
) {
  const [value, setValue] = useState('');
  const element = useRef<React.ComponentRef<typeof Input>>(null);
  const [timer] = useState(() => new EntryTimer());
  useImperativeHandle(ref, () => ({
    focus: () => element.current?.focus(),
    takeKey: (at) => {
      if (value === '') timer.reset();
      timer.key(at);
      element.current?.focus();
    },
  }));

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const entered = event.currentTarget.value;
      const method = timer.method(entered.trim());
      timer.reset();
      setValue('');
      onEntry(entered, method);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      timer.edit();
      return;
    }
    if (event.key.length === 1) {
      if (event.currentTarget.value === '') timer.reset();
      timer.key(event.timeStamp);
    } else if (event.key !== 'Shift' && event.key !== 'CapsLock') {
      timer.edit();
    }
  };

  return (
    <Input
      ref={element}
      autoFocus
      autoComplete="off"
      spellCheck={false}
      inputMode="text"
      className="leye-signin-input"
      value={value}
      maxLength={ID_INPUT_MAX_LENGTH}
      placeholder={placeholder}
      onChange={(event) => {
        setValue(idFieldValue(event.target.value, isComposing(event)));
        if (event.target.value === '') timer.reset();
      }}
      onCompositionEnd={(event) => setValue(idFieldValue(event.currentTarget.value))}
      onKeyDown={onKeyDown}
      onPaste={() => timer.edit()}
      onCompositionStart={() => timer.edit()}
      data-testid="signin-input"
    />
  );
});

export function PickList({ trainees, done, direction, onPick }: { trainees: TraineeView[]; done: ReadonlySet<string>; direction: SignDirection; onPick(trainee: TraineeView): void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const shown = trainees.filter((x) => !filter.trim() || x.name.includes(filter.trim()));
  return (
    <div data-testid="signin-pick-list">
      <Typography.Paragraph type="secondary">{t('training.signIn.pickHint')}</Typography.Paragraph>
      <Input allowClear value={filter} onChange={(event) => setFilter(event.target.value)} placeholder={t('training.signIn.pickFilter')} style={{ marginBottom: 12 }} data-testid="signin-pick-filter" />
      <div className="leye-signin-pick-grid">
        {shown.map((trainee) => {
          const signed = done.has(trainee.residentId);
          return (
            <Button
              key={trainee.residentId}
              size="large"
              type={signed ? 'default' : 'primary'}
              ghost={!signed}
              icon={signed ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : undefined}
              onClick={() => onPick(trainee)}
              title={signed ? t('training.signIn.pickDone', { direction: t(`training.direction.${direction}`) }) : trainee.idNumberMasked}
              data-testid="signin-pick-item"
              data-signed={String(signed)}
            >
              {trainee.name}
            </Button>
          );
        })}
      </div>
    </div>
  );
}
