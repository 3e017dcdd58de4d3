import { projectStages, projectTypes } from '@manyi/core';
import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveProject, type ProjectInput } from '../../api/projects';
import type { Project, Region } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { FormDrawer } from '../../shared/FormDrawer';
import { useSaveForm } from '../../shared/useSaveForm';
import { textLimits } from '@manyi/contracts/limits';
import { projectBody } from '@manyi/contracts/projects';

const limit = (field: 'code' | 'name' | 'city' | 'address' | 'hotline') => textLimits(projectBody, field).max;

type ProjectDrawerProps = { editing: { project: Project | null } | null; regions: Region[]; onClose: () => void };

export function ProjectDrawer({ editing, regions, onClose }: ProjectDrawerProps) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const [form] = Form.useForm<ProjectInput>();
  const save = useSaveProject();
  const project = editing?.project ?? null;

  // Fill the form each time the drawer opens for another record.
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.project) {
      const { code, name, type, stage, regionId, city, address, hotline } = editing.project;
      form.setFieldsValue({ code, name, type, stage, regionId, city, address, hotline });
    } else {
      form.setFieldsValue({ type: 'residential', stage: 'growth' });
    }
  }, [editing, form]);

  const submit = useSaveForm(form, {
    save: (values) => {
      const input: ProjectInput = {
        ...values,
        regionId: values.regionId ?? null,
        city: values.city?.trim() ?? '',
        address: values.address?.trim() ?? '',
        hotline: values.hotline?.trim() ?? '',
      };
      return save.mutateAsync({ id: project?.id, input });
    },
    onSaved: onClose,
  });

  return (
    <FormDrawer
      title={project ? t('projects.editTitle') : t('projects.create')}
      open={editing !== null}
      onClose={onClose}
      saving={save.isPending}
      onSubmit={submit}
      saveTestId="project-save"
    >
      <Form form={form} layout="vertical" data-testid="project-form">
        <Form.Item name="code" label={t('projects.code')} rules={[{ required: true, max: limit('code'), pattern: /^[A-Za-z0-9_-]+$/ }]}>
          <Input placeholder="XHY-01" disabled={project !== null} data-testid="project-code" />
        </Form.Item>
        <Form.Item name="name" label={t('projects.name')} rules={[{ required: true, max: limit('name') }]}>
          <Input data-testid="project-name" />
        </Form.Item>
        <Form.Item name="type" label={t('projects.type')} rules={[{ required: true }]}>
          <Select options={options(projectTypes)} data-testid="project-type" />
        </Form.Item>
        <Form.Item name="stage" label={t('projects.stage')} rules={[{ required: true }]}>
          <Select options={options(projectStages)} data-testid="project-stage" />
        </Form.Item>
        <Form.Item name="regionId" label={t('projects.region')}>
          <Select allowClear options={regions.map((region) => ({ value: region.id, label: region.name }))} />
        </Form.Item>
        <Form.Item name="city" label={t('projects.city')} rules={[{ max: limit('city') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('projects.address')} rules={[{ max: limit('address') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="hotline" label={t('projects.hotline')} extra={t('projects.hotlineHelp')} rules={[{ max: limit('hotline') }]}>
          <Input data-testid="project-hotline" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
