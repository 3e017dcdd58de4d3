import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { staffPosts, type IndicatorTreeNode, type StaffPost } from '@manyi/core';
import { Alert, Button, Card, Col, Empty, Form, Input, List, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateIndicatorSystem,
  useIndicatorSystem,
  useIndicatorSystems,
  useIndicatorTemplates,
  useSaveIndicatorSystem,
  type IndicatorSystemDetail,
} from '../../api/indicators';
import { ApiError, errorMessage } from '../../api/problem';
import { useVocabulary } from '../../i18n/vocabulary';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { showServerErrors } from '../../shared/server-errors';
import { formatDateTime } from '../../shared/time';
import { useCanDesign } from '../surveys/can-design';
import { IndicatorTreeEditor } from './IndicatorTreeEditor';
import { textLimits } from '@manyi/contracts/limits';
import { indicatorSystemCreate } from '@manyi/contracts/indicators';

type CreateForm = { name: string; post: StaffPost | null; templateCode: string };

/** 指标体系: weighted indicator trees per post; every save is a new version, older ones stay for old results. */
export function IndicatorSystemsPage() {
  const { t } = useTranslation();
  const { label, options, text } = useVocabulary();
  const message = useMessage();
  const systems = useIndicatorSystems();
  const templates = useIndicatorTemplates();
  const create = useCreateIndicatorSystem();
  const canDesign = useCanDesign();
  const [form] = Form.useForm<CreateForm>();
  const [open, setOpen] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const activeId = selectedId ?? systems.data?.items[0]?.id ?? null;

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        post: values.post ?? null,
        ...(values.templateCode !== 'blank' && { templateCode: values.templateCode }),
      });
      setOpen(false);
      setSelectedId(created.id);
    } catch (error) {
      showServerErrors(error, form, (content) => void message.error(content), t('common.requestFailed'));
    }
  };
  const full = (value: { 'zh-CN': string; 'en-US'?: string | undefined }) => text({ 'zh-CN': value['zh-CN'], 'en-US': value['en-US'] || value['zh-CN'] });

  return (
    <>
      <PageHeader
        title={t('indicatorSystems.title')}
        extra={
          canDesign && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                form.resetFields();
                form.setFieldsValue({ templateCode: 'servqual-property', post: null });
                setOpen(true);
              }}
              data-testid="indicator-create"
            >
              {t('indicatorSystems.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('indicatorSystems.intro')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={5}>
          <ListState isPending={systems.isPending} error={systems.error} refetch={systems.refetch}>
            <List
              bordered
              size="small"
              dataSource={systems.data?.items ?? []}
              locale={{ emptyText: <Empty description={t('indicatorSystems.empty')} /> }}
              renderItem={(system) => (
                <List.Item
                  onClick={() => setSelectedId(system.id)}
                  style={{ cursor: 'pointer', background: system.id === activeId ? 'var(--ant-color-primary-bg, #e6f4ff)' : undefined }}
                >
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{system.name}</Typography.Text>
                    <Space size={4}>
                      <Tag>{system.post ? label(staffPosts, system.post) : t('indicatorSystems.companyWide')}</Tag>
                      <Tag>v{system.currentVersion}</Tag>
                      {system.archived && <Tag>{t('indicatorSystems.archived')}</Tag>}
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          </ListState>
        </Col>
        <Col xs={24} xl={19}>
          {activeId ? (
            <SystemEditor id={activeId} />
          ) : (
            <Card>
              <Empty description={t('indicatorSystems.pick')} />
            </Card>
          )}
        </Col>
      </Row>
      <Modal open={open} title={t('indicatorSystems.create')} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={create.isPending}>
        <Form form={form} layout="vertical">
          <Form.Item
            name="name"
            label={t('indicatorSystems.name')}
            rules={[{ required: true, whitespace: true, max: textLimits(indicatorSystemCreate, 'name').max }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="post" label={t('indicatorSystems.post')}>
            <Select allowClear placeholder={t('indicatorSystems.companyWide')} options={options(staffPosts)} />
          </Form.Item>
          <Form.Item name="templateCode" label={t('indicatorSystems.template')} rules={[{ required: true }]}>
            <Select
              options={[
                ...(templates.data?.items ?? []).map((template) => ({ value: template.code, label: `${full(template.name)} — ${full(template.description)}` })),
                { value: 'blank', label: t('indicatorSystems.blank') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function SystemEditor({ id }: { id: string }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const system = useIndicatorSystem(id, version);
  if (system.error) return <Alert type="error" showIcon title={system.error.message} />;
  if (!system.data) return <Card loading />;
  return (
    <SystemForm
      key={`${system.data.id}:${system.data.version}:${system.data.updatedAt}`}
      system={system.data}
      onVersion={setVersion}
      title={t('indicatorSystems.tree')}
    />
  );
}

function SystemForm({ system, onVersion, title }: { system: IndicatorSystemDetail; onVersion: (version: number | undefined) => void; title: string }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useSaveIndicatorSystem();
  const canDesign = useCanDesign();
  const [tree, setTree] = useState<IndicatorTreeNode[]>(system.tree);
  const [name, setName] = useState(system.name);
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const old = system.version !== system.currentVersion;
  const readOnly = old || system.archived || !canDesign;

  const submit = async () => {
    try {
      await save.mutateAsync({ id: system.id, input: { name, tree, expectedVersion: system.currentVersion } });
      onVersion(undefined);
      setErrors([]);
      void message.success(t('indicatorSystems.savedVersion', { version: system.currentVersion + 1 }));
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : [];
      void message.error(fields.length > 0 ? fields.map((field) => field.message).join('；') : errorMessage(error, t('common.requestFailed')));
      setErrors(fields);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <Input value={name} disabled={readOnly} onChange={(event) => setName(event.target.value)} style={{ width: 260 }} />
          {title}
        </Space>
      }
      extra={
        <Space>
          <Select
            style={{ width: 220 }}
            value={system.version}
            onChange={(value: number) => onVersion(value === system.currentVersion ? undefined : value)}
            options={system.versions.map((item) => ({ value: item.version, label: `v${item.version} · ${formatDateTime(item.createdAt)}` }))}
          />
          {!readOnly && (
            <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => void submit()} data-testid="indicator-save">
              {t('indicatorSystems.saveVersion')}
            </Button>
          )}
        </Space>
      }
    >
      {old && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('indicatorSystems.oldVersion', { version: system.version })} />}
      <IndicatorTreeEditor tree={tree} onChange={setTree} errors={errors} readOnly={readOnly} />
    </Card>
  );
}
