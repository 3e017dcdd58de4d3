import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { slaTargetKinds } from '@manyi/core';
import { Alert, Button, Collapse, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem';
import { useResetSlaPolicies, useSaveSlaPolicies, useSlaPolicies, type SlaPolicy } from '../../api/sla';
import type { CategoryNode } from '../../api/ticket-types';
import { useCategoryTree } from '../../api/tickets';
import { useVocabulary } from '../../i18n/vocabulary';
import { ListState } from '../../shared/ListState';
import { useMessage } from '../../shared/MessageProvider';
import { PageHeader } from '../../shared/PageHeader';
import { formatTarget } from './sla-format';
import { SlaPolicyEditor, type EditablePolicy } from './SlaPolicyEditor';

const editable = (policy: SlaPolicy): EditablePolicy => ({
  key: policy.code,
  code: policy.code,
  name: policy.name,
  match: policy.match,
  targets: policy.targets,
  warnShare: policy.warnShare,
  active: policy.active,
  rationale: policy.rationale,
});

function flatten(nodes: CategoryNode[], text: (node: CategoryNode) => string, prefix = ''): { value: string; label: string }[] {
  return nodes.flatMap((node) => {
    const name = prefix ? `${prefix} / ${text(node)}` : text(node);
    return [{ value: node.code, label: name }, ...flatten(node.children, text, name)];
  });
}

/** The ordered list itself: first match wins, so moving a policy up changes which tickets it governs. */
function PolicyList({ initial }: { initial: SlaPolicy[] }) {
  const { t } = useTranslation();
  const { label, text } = useVocabulary();
  const message = useMessage();
  const tree = useCategoryTree();
  const save = useSaveSlaPolicies();
  const reset = useResetSlaPolicies();
  const [policies, setPolicies] = useState<EditablePolicy[]>(() => initial.map(editable));
  const [dirty, setDirty] = useState(false);
  const categoryOptions = useMemo(() => flatten(tree.data?.items ?? [], (node) => text(node.name)), [tree.data, text]);

  const change = (next: EditablePolicy[]) => {
    setPolicies(next);
    setDirty(true);
  };
  const move = (index: number, offset: number) => {
    const next = [...policies];
    const [moved] = next.splice(index, 1);
    next.splice(index + offset, 0, moved!);
    change(next);
  };
  const submit = async () => {
    try {
      const saved = await save.mutateAsync(
        policies.map(({ code, name, match, targets, warnShare, active }) => ({ code, name, match, targets, warnShare, active })),
      );
      setPolicies(saved.items.map(editable));
      setDirty(false);
      void message.success(t('sla.saved', { count: saved.recomputedTickets }));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  const restore = async () => {
    try {
      const saved = await reset.mutateAsync();
      setPolicies(saved.items.map(editable));
      setDirty(false);
      void message.success(t('sla.saved', { count: saved.recomputedTickets }));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
  const add = () => {
    const key = `custom_${Date.now().toString(36)}`;
    change([
      {
        key,
        code: key,
        name: { 'zh-CN': t('sla.newPolicy'), 'en-US': 'New policy' },
        match: {},
        targets: { first_response: { minutes: 30, calendar: '24x7' } },
        warnShare: 0.8,
        active: true,
        rationale: { 'zh-CN': '', 'en-US': '' },
      },
      ...policies,
    ]);
  };

  return (
    <>
      <PageHeader
        title={t('sla.title')}
        extra={
          <>
            <Popconfirm title={t('sla.resetConfirm')} onConfirm={() => void restore()} okButtonProps={{ danger: true }}>
              <Button icon={<UndoOutlined />} loading={reset.isPending} data-testid="sla-reset">
                {t('sla.reset')}
              </Button>
            </Popconfirm>
            <Button icon={<PlusOutlined />} onClick={add} data-testid="sla-add">
              {t('sla.add')}
            </Button>
            <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => void submit()} data-testid="sla-save">
              {t('common.save')}
            </Button>
          </>
        }
      />
      <Alert type="info" showIcon title={t('sla.orderHint')} style={{ marginBottom: 16 }} />
      <Collapse
        data-testid="sla-policies"
        items={policies.map((policy, index) => ({
          key: policy.key,
          label: (
            <Flex justify="space-between" gap={8} wrap data-testid="sla-policy">
              <Space size={8} wrap>
                <Typography.Text type="secondary">#{index + 1}</Typography.Text>
                <Typography.Text strong delete={!policy.active}>
                  {text(policy.name)}
                </Typography.Text>
                {slaTargetKinds.values
                  .filter((kind) => policy.targets[kind])
                  .map((kind) => (
                    <Tag key={kind}>
                      {label(slaTargetKinds, kind)} {formatTarget(policy.targets[kind]!.minutes, policy.targets[kind]!.calendar, t)}
                    </Tag>
                  ))}
              </Space>
            </Flex>
          ),
          extra: (
            <Space size={0} onClick={(event) => event.stopPropagation()}>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={t('sla.moveUp')}
                data-testid="sla-move-up"
              />
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={index === policies.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t('sla.moveDown')}
                data-testid="sla-move-down"
              />
              <Popconfirm
                title={t('common.deleteConfirm', { name: text(policy.name) })}
                onConfirm={() => change(policies.filter((other) => other.key !== policy.key))}
              >
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            </Space>
          ),
          children: (
            <SlaPolicyEditor
              policy={policy}
              index={index}
              categoryOptions={categoryOptions}
              onChange={(next) => change(policies.map((other) => (other.key === policy.key ? next : other)))}
            />
          ),
        }))}
      />
    </>
  );
}

/** Management → SLA 时限策略 (admin and quality): the company's service levels, in match order. */
export function SlaPoliciesPage() {
  const policies = useSlaPolicies();
  return (
    <ListState isPending={policies.isPending} error={policies.error} refetch={policies.refetch}>
      {policies.data ? <PolicyList initial={policies.data.items} /> : null}
    </ListState>
  );
}
