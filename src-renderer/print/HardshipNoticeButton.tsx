// The 公示 of 就业困难人员认定 applicants: the clerk picks the application dates, the notice
// period and the station's phone, then prints the notice (names, sex, age, category: no ID
// numbers, no addresses).
import { Button, DatePicker, Form, Input, Modal } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isNoticePhone } from '../../shared/print/noticePhone';
import { printForm, printRoute } from './printing';

const DAY = 'YYYY-MM-DD';

export function HardshipNoticeButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [applied, setApplied] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [notice, setNotice] = useState<[Dayjs, Dayjs]>([dayjs(), dayjs().add(6, 'day')]);
  const [phone, setPhone] = useState('');
  const phoneError = phone !== '' && !isNoticePhone(phone);
  const print = async () => {
    setOpen(false);
    const route = printRoute('hardshipNotice', applied[0].format(DAY), applied[1].format(DAY), notice[0].format(DAY), notice[1].format(DAY), phone.trim());
    await printForm(route, 'print', `${t('print.notice.title')}.pdf`);
  };
  return (
    <>
      <Button icon={<NotificationOutlined />} onClick={() => setOpen(true)} data-testid="notice-open">
        {t('print.noticeDialog.open')}
      </Button>
      <Modal
        open={open}
        title={t('print.noticeDialog.title')}
        okText={t('print.noticeDialog.ok')}
        okButtonProps={{ disabled: phone === '' || phoneError, 'data-testid': 'notice-print' }}
        onOk={() => void print()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('print.noticeDialog.applied')}>
            <DatePicker.RangePicker value={applied} allowClear={false} onChange={(v) => v?.[0] && v[1] && setApplied([v[0], v[1]])} data-testid="notice-applied" />
          </Form.Item>
          <Form.Item label={t('print.noticeDialog.notice')}>
            <DatePicker.RangePicker value={notice} allowClear={false} onChange={(v) => v?.[0] && v[1] && setNotice([v[0], v[1]])} data-testid="notice-period" />
          </Form.Item>
          <Form.Item label={t('print.noticeDialog.phone')} validateStatus={phoneError ? 'error' : undefined} help={phoneError ? t('errors.print.phone') : undefined}>
            <Input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={20} data-testid="notice-phone" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
