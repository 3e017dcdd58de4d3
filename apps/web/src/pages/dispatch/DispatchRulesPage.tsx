import { PlusOutlined } from '@ant-design/icons';
import { staffPosts, type StaffPost } from '@manyi/core';
import { Alert, Button, Form, Radio, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatchModeValues, useDeleteDispatchRule, useDispatchRules, useSaveDispatchRule, type DispatchMode, type DispatchRule } from '../../api/dispatch';
import { useStaffDirectory } from '../../api/staff';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { FormDrawer } from '../../shared/FormDrawer';
import { ListEmpty } from '../../shared/ListEmpty';
import { ListState } from '../../shared/ListState';
import { PageHeader } from '../../shared/PageHeader';
import { RowActions } from '../../shared/RowActions';
import { useSaveForm } from '../../shared/useSaveForm';

type RuleForm = { post: StaffPost; mode: DispatchMode; defaultAssigneeId?: string | null; memberIds: string[] };

/** Management → 派单规则 (manager, admin): who gets a new ticket of each post in the chosen project. */
export function DispatchRulesPage() {
  const { t } = useTranslation();
  const { label, options } = useVocabulary();
  const { projectId, projects } = useProjectScope();
  const rules = useDispatchRules(projectId);
  const directory = useStaffDirectory(projectId);
  const save = useSaveDispatchRule();
  const remove = useDeleteDispatchRule();
  const [form] = Form.useForm<RuleForm>();
  const [editing, setEditing] = useState<DispatchRule | null | undefined>(undefined);
  const mode = Form.useWatch('mode', form);
  const post = Form.useWatch('post', form);
  const projectName = (id: string) => projects.find((project) => project.id === id)?.name ?? '—';

  const people = (directory.data?.items ?? []).filter((person) => !projectId || person.projectIds.includes(projectId));
  const staffOptions = [...people]
    .sort((a, b) => Number(b.post === post) - Number(a.post === post))
    .map((person) => ({ value: person.id, label: `${person.name}${person.post ? ` · ${label(staffPosts, person.post)}` : ''}` }));

  const openDrawer = (rule: DispatchRule | null) => {
    form.resetFields();
    form.setFieldsValue(
      rule
        ? { post: rule.post, mode: rule.mode, defaultAssigneeId: rule.defaultAssignee?.id ?? null, memberIds: rule.members.map((member) => member.id) }
        : { post: 'engineering', mode: 'round_robin', memberIds: [] },
    );
    setEditing(rule);
  };
  const submit = useSaveForm(form, {
    save: (values) =>
      save.mutateAsync({
        projectId: editing?.projectId ?? projectId ?? '',
        post: values.post,
        mode: values.mode,
        defaultAssigneeId: values.mode === 'assign' ? (values.defaultAssigneeId ?? null) : null,
        memberIds: values.memberIds ?? [],
      }),
    onSaved: () => setEditing(undefined),
  });

  const columns: ColumnsType<DispatchRule> = [
    { title: t('persons.project'), dataIndex: 'projectId', width: 160, render: projectName },
    { title: t('dispatch.post'), dataIndex: 'post', width: 130, render: (value: StaffPost) => label(staffPosts, value) },
    {
      title: t('dispatch.mode'),
      dataIndex: 'mode',
      width: 120,
      render: (value: DispatchMode) => <Tag color={value === 'grab' ? 'orange' : value === 'assign' ? 'blue' : 'green'}>{t(`dispatch.modes.${value}`)}</Tag>,
    },
    { title: t('dispatch.defaultAssignee'), dataIndex: 'defaultAssignee', width: 120, render: (value: DispatchRule['defaultAssignee']) => value?.name ?? '—' },
    {
      title: t('dispatch.members'),
      dataIndex: 'members',
      render: (members: DispatchRule['members']) => members.map((member) => member.name).join('、') || '—',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_value, rule) => (
        <RowActions
          name={`${projectName(rule.projectId)} · ${label(staffPosts, rule.post)}`}
          onEdit={() => openDrawer(rule)}
          onDelete={() => remove.mutateAsync(rule.id)}
          editTestId="dispatch-edit"
          deleteTestId="dispatch-delete"
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('dispatch.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} disabled={!projectId} onClick={() => openDrawer(null)} data-testid="dispatch-create">
            {t('dispatch.create')}
          </Button>
        }
      />
      {projectId ? null : <Alert type="info" showIcon title={t('common.pickProjectFirst')} style={{ marginBottom: 16 }} />}
      <ListState isPending={rules.isPending} error={rules.error} refetch={rules.refetch}>
        <Table<DispatchRule>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rules.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <ListEmpty description={t('dispatch.empty')} /> }}
          data-testid="dispatch-table"
        />
      </ListState>
      <FormDrawer
        title={editing ? t('dispatch.edit') : t('dispatch.create')}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        saving={save.isPending}
        onSubmit={submit}
        saveTestId="dispatch-save"
      >
        <Form form={form} layout="vertical">
          <Form.Item name="post" label={t('dispatch.post')} rules={[{ required: true }]}>
            <Select options={options(staffPosts)} disabled={Boolean(editing)} />
          </Form.Item>
          <Form.Item name="mode" label={t('dispatch.mode')} extra={mode ? t(`dispatch.modeHints.${mode}`) : undefined}>
            <Radio.Group optionType="button" options={dispatchModeValues.map((value) => ({ value, label: t(`dispatch.modes.${value}`) }))} />
          </Form.Item>
          {mode === 'assign' ? (
            <Form.Item name="defaultAssigneeId" label={t('dispatch.defaultAssignee')} rules={[{ required: true }]}>
              <Select options={staffOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          ) : null}
          <Form.Item name="memberIds" label={t('dispatch.members')}>
            <Select mode="multiple" options={staffOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
