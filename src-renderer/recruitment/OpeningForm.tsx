// The 岗位公告 form (a new opening of a post, or an edit while nothing is posted), in a dialog.
import { Alert, App as AntApp, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpeningView } from '../../shared/recruitment/contract';
import type { PostView } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import { IsoDatePicker } from '../form/fields';
import { todayIso } from '../form/format';
import { useFieldErrors, useRecruitmentSaved } from './queries';

const FIELDS = ['places', 'conditions', 'windowFrom', 'windowTo', 'contact'] as const;

export function OpeningFormDialog({ post, opening, onClose }: { post: PostView; opening?: OpeningView; onClose(saved?: OpeningView): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const saved = useRecruitmentSaved();
  const errors = useFieldErrors(FIELDS);
  const start = todayIso() < post.startDate ? post.startDate : todayIso();
  const [values, setValues] = useState({
    places: opening?.places ?? 1,
    conditions: opening?.conditions ?? '',
    windowFrom: opening?.windowFrom ?? start,
    windowTo: opening?.windowTo ?? start,
    contact: opening?.contact ?? '',
  });
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  const status = (field: string) => (errors.errors[field] ? { validateStatus: 'error' as const, help: errors.errors[field] } : {});

  const submit = async () => {
    errors.clear();
    setBusy(true);
    try {
      const result = await leye.call('recruitment.save', { ...values, postId: post.id, ...(opening ? { id: opening.id, rev: opening.rev } : {}) });
      saved(null, post.id);
      void message.success(t('recruitment.saved'));
      onClose(result);
    } catch (reason) {
      errors.refused(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(opening ? 'recruitment.editOpening' : 'recruitment.newOpening')}
      okText={t('recruitment.save')}
      cancelText={t('recruitment.cancel')}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      confirmLoading={busy}
      width={640}
      okButtonProps={{ 'data-testid': 'opening-save' }}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('recruitment.post')}>{post.name}</Form.Item>
        <Form.Item label={t('recruitment.places')} required {...status('places')}>
          <InputNumber min={1} max={200} value={values.places} onChange={(v) => set({ places: Number(v ?? 0) })} data-testid="opening-places" />
        </Form.Item>
        <Form.Item label={t('recruitment.conditions')} required {...status('conditions')}>
          <Input.TextArea rows={3} maxLength={500} value={values.conditions} onChange={(e) => set({ conditions: e.target.value })} data-testid="opening-conditions" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label={t('recruitment.windowFrom')} required style={{ flex: 1 }} {...status('windowFrom')}>
            <IsoDatePicker value={values.windowFrom} onChange={(v) => set({ windowFrom: v })} testId="opening-from" />
          </Form.Item>
          <Form.Item label={t('recruitment.windowTo')} required style={{ flex: 1 }} {...status('windowTo')}>
            <IsoDatePicker value={values.windowTo} onChange={(v) => set({ windowTo: v })} testId="opening-to" />
          </Form.Item>
        </div>
        <Form.Item label={t('recruitment.contact')} required {...status('contact')}>
          <Input maxLength={100} value={values.contact} onChange={(e) => set({ contact: e.target.value })} data-testid="opening-contact" />
        </Form.Item>
      </Form>
      {errors.other && <Alert type="error" showIcon title={errors.other} data-testid="opening-error" />}
    </Modal>
  );
}
