import { Button, DatePicker, Drawer, Empty, Form, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import { useAssignCourse, useCourses, useTeamProgress, type TeamProgress } from '../../api/training';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { formatDateTime } from '../../shared/time';
import { LearningRecordView } from './LearningRecordView';

type Member = TeamProgress['items'][number];
type AssignForm = { courseKey: string; staffIds: string[]; dueOn?: Dayjs | null };

function AssignModal({ members, open, onClose }: { members: Member[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const message = useMessage();
  const courses = useCourses();
  const assign = useAssignCourse();
  const [form] = Form.useForm<AssignForm>();
  const submit = async (values: AssignForm) => {
    try {
      const result = await assign.mutateAsync({
        courseKey: values.courseKey,
        staffIds: values.staffIds,
        dueOn: values.dueOn ? values.dueOn.format('YYYY-MM-DD') : null,
      });
      void message.success(t('team.assigned', { count: result.assigned }));
      form.resetFields();
      onClose();
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  return (
    <Modal open={open} title={t('team.assignTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={assign.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="courseKey" label={t('team.course')} rules={[{ required: true }]}>
          <Select options={courses.data?.items.map((course) => ({ value: course.key, label: text(course.title) }))} loading={courses.isPending} />
        </Form.Item>
        <Form.Item name="staffIds" label={t('team.people')} rules={[{ required: true }]}>
          <Select mode="multiple" optionFilterProp="label" options={members.map((member) => ({ value: member.staffId, label: member.name }))} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('team.dueOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The team's training: assigned courses done and overdue, drills passed, last activity; a person's record on click. */
export function TeamProgressTab() {
  const { t } = useTranslation();
  const { projectId } = useProjectScope();
  const team = useTeamProgress(projectId, true);
  const [assigning, setAssigning] = useState(false);
  const [viewing, setViewing] = useState<Member | null>(null);
  const members = team.data?.items ?? [];
  return (
    <ListState isPending={team.isPending} error={team.error} refetch={team.refetch}>
      <Button type="primary" onClick={() => setAssigning(true)} style={{ marginBottom: 12 }} disabled={members.length === 0}>
        {t('team.assign')}
      </Button>
      <Table<Member>
        rowKey="staffId"
        size="small"
        dataSource={members}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={t('team.empty')} /> }}
        columns={[
          { title: t('team.name'), dataIndex: 'name' },
          { title: t('team.assigned'), dataIndex: 'assigned', width: 90 },
          { title: t('team.completedAssigned'), dataIndex: 'completedAssigned', width: 90 },
          { title: t('team.overdue'), dataIndex: 'overdue', width: 80, render: (value: number) => (value > 0 ? <Tag color="red">{value}</Tag> : 0) },
          { title: t('team.coursesCompleted'), dataIndex: 'coursesCompleted', width: 100 },
          { title: t('team.drillsPassed'), dataIndex: 'drillsPassed', width: 100 },
          { title: t('team.averageDrillScore'), dataIndex: 'averageDrillScore', width: 110, render: (value: number | null) => value ?? '—' },
          { title: t('team.practicesPassed'), dataIndex: 'practicesPassed', width: 100 },
          { title: t('team.lastActivity'), dataIndex: 'lastActivityAt', width: 150, render: (value: string | null) => formatDateTime(value) },
          {
            key: 'record',
            width: 100,
            render: (_value, member) => (
              <Button type="link" onClick={() => setViewing(member)}>
                {t('team.viewRecord')}
              </Button>
            ),
          },
        ]}
      />
      <AssignModal members={members} open={assigning} onClose={() => setAssigning(false)} />
      <Drawer open={viewing !== null} title={viewing?.name} size={720} onClose={() => setViewing(null)} destroyOnHidden>
        {viewing ? <LearningRecordView staffId={viewing.staffId} /> : null}
      </Drawer>
    </ListState>
  );
}
