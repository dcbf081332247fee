// The county's course catalogue: county staff add and edit courses at the county station (its
// sync sends them to county_ref); every station lists them and picks from them for a session.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Input, InputNumber, Modal, Table, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { courseSaveSchema, TRAINING_LEVELS, type TrainingLevel } from '../../shared/training/schema';
import type { ArgsOf, CourseView } from '../../shared/rpc/handlers';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { courseKeys, useCourses } from './queries';
import { errorText, issueText, issuesOf } from '../errors';
import { EnumSelect } from '../form/enumFields';
import { FieldItem } from '../form/fields';
import { formatTime } from '../form/format';
import { mayCall } from '../access/may';
import { useSession } from '../station/queries';
import { useCoreIssues } from '../form/useCoreIssues';
import { schemaResolver } from '../form/schemaIssues';
import { usePersonName } from '../shell/people';

interface CourseFormValues {
  code: string;
  occupation: string;
  level: TrainingLevel | '';
  classHours: number | null;
}

const toArgs = (v: CourseFormValues, rev?: string) => ({
  code: v.code,
  occupation: v.occupation,
  level: v.level,
  classHours: v.classHours ?? Number.NaN,
  ...(rev ? { rev } : {}),
});

const FIELDS = ['code', 'occupation', 'level', 'classHours'] as const;
const fieldOf = (path: string) => ((FIELDS as readonly string[]).includes(path) ? path : null);
const LABELS = { code: 'training.courses.code', occupation: 'training.courses.occupation', level: 'training.courses.level', classHours: 'training.courses.classHours' };

export function CoursesCard() {
  const { t } = useTranslation();
  const person = usePersonName();
  const { role, station } = useSession();
  const courses = useCourses();
  const [editing, setEditing] = useState<{ course?: CourseView } | null>(null);
  // The catalogue is kept at the county station only (the core refuses elsewhere too).
  const canEdit = station?.level === 'county' && mayCall('courses.save', role);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t('training.courses.title')}
      data-testid="courses-card"
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} size="small" onClick={() => setEditing({})} data-testid="course-add">
            {t('training.courses.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('training.courses.intro')}</Typography.Paragraph>
      {courses.isError && <Alert type="error" showIcon title={errorText(t, courses.error)} />}
      <Table<CourseView>
        rowKey="id"
        size="small"
        loading={courses.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        dataSource={courses.data ?? []}
        locale={{ emptyText: t('training.courses.empty') }}
        onRow={(c) => ({ 'data-testid': 'course-row', 'data-code': c.code }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'code', title: t('training.courses.code'), dataIndex: 'code', width: 140 },
          { key: 'occupation', title: t('training.courses.occupation'), dataIndex: 'occupation' },
          { key: 'level', title: t('training.courses.level'), render: (_, c) => t(`training.levels.${c.level}`), width: 160 },
          { key: 'hours', title: t('training.courses.classHours'), dataIndex: 'classHours', width: 110 },
          { key: 'updated', title: t('training.courses.updated'), width: 200, render: (_, c) => <Typography.Text type="secondary">{`${person(c.updatedBy)} · ${formatTime(c.updatedAt)}`}</Typography.Text> },
          ...(canEdit
            ? [
                {
                  key: 'edit',
                  title: '',
                  width: 90,
                  render: (_: unknown, c: CourseView) => (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ course: c })} data-testid="course-edit">
                      {t('training.courses.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <CourseEditor key={editing.course?.id ?? 'new'} course={editing.course} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function CourseEditor({ course, onClose }: { course?: CourseView; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const tRef = useRef(t);
  tRef.current = t;
  const rev = course?.rev;
  const resolver = useMemo(
    () =>
      schemaResolver<CourseFormValues, ReturnType<typeof toArgs>>(
        courseSaveSchema,
        (v) => toArgs(v, rev),
        fieldOf,
        () => tRef.current,
        LABELS,
      ),
    [rev],
  );
  const { control, handleSubmit, setError } = useForm<CourseFormValues>({
    defaultValues: course ? { code: course.code, occupation: course.occupation, level: course.level, classHours: course.classHours } : { code: '', occupation: '', level: '', classHours: null },
    resolver,
    mode: 'onTouched',
  });
  const [formError, setFormError] = useState<string | null>(null);
  const place = useCoreIssues(setError, { fieldOf, text: (issue) => issueText(t, issue, LABELS) });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await leye.call('courses.save', toArgs(values, rev) as ArgsOf<'courses.save'>);
      void client.invalidateQueries({ queryKey: courseKeys.list });
      void message.success(t('training.courses.saved'));
      onClose();
    } catch (reason) {
      const { elsewhere } = place(issuesOf(toLeyeError(reason).rpc));
      setFormError(elsewhere.length > 0 ? elsewhere.join(t('posts.issueSeparator')) : errorText(t, reason));
    }
  });
  return (
    <Modal
      open
      title={course ? t('training.courses.edit') : t('training.courses.add')}
      onCancel={onClose}
      okText={t('training.courses.save')}
      cancelText={t('training.courses.cancel')}
      onOk={() => void submit()}
      okButtonProps={{ 'data-testid': 'course-save' }}
    >
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="course-form-error" />}
      <FieldItem control={control} name="code" label={t('training.courses.code')} required testId="course-code">
        <Controller control={control} name="code" render={({ field }) => <Input {...field} disabled={Boolean(course)} maxLength={20} data-testid="course-field-code" />} />
      </FieldItem>
      <FieldItem control={control} name="occupation" label={t('training.courses.occupation')} required testId="course-occupation">
        <Controller control={control} name="occupation" render={({ field }) => <Input {...field} maxLength={50} data-testid="course-field-occupation" />} />
      </FieldItem>
      <FieldItem control={control} name="level" label={t('training.courses.level')} required testId="course-level">
        <EnumSelect control={control} name="level" values={TRAINING_LEVELS} labelKey="training.levels" testId="course-field-level" />
      </FieldItem>
      <FieldItem control={control} name="classHours" label={t('training.courses.classHours')} required testId="course-classHours">
        <Controller
          control={control}
          name="classHours"
          render={({ field }) => (
            <InputNumber<number> ref={field.ref} style={{ width: '100%' }} min={1} max={2000} precision={0} value={field.value} onChange={(v) => field.onChange(v ?? null)} onBlur={field.onBlur} data-testid="course-field-classHours" />
          )}
        />
      </FieldItem>
    </Modal>
  );
}
