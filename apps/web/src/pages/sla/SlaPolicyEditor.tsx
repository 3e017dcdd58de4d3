import { slaTargetKinds, ticketChannels, ticketPriorities, ticketTypes, type Label, type SlaTargetKind } from '@manyi/core';
import { Checkbox, Col, Flex, Input, InputNumber, Row, Select, Slider, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaCalendar, SlaMatch, SlaPolicyInput } from '../../api/sla';
import { useVocabulary } from '../../i18n/vocabulary';
import { useProjectScope } from '../../layout/ProjectScope';
import { formatTarget } from './sla-format';

/** A policy while it is edited: `key` survives a changed code, `rationale` is shown but never sent. */
export type EditablePolicy = SlaPolicyInput & { key: string; rationale: Label };

type SlaPolicyEditorProps = {
  policy: EditablePolicy;
  index: number;
  categoryOptions: { value: string; label: string }[];
  onChange: (policy: EditablePolicy) => void;
};

const calendars: readonly SlaCalendar[] = ['24x7', 'working_hours'];

/** One policy's name, match criteria, targets and warning share; changes stay local until the page saves. */
export function SlaPolicyEditor({ policy, index, categoryOptions, onChange }: SlaPolicyEditorProps) {
  const { t } = useTranslation();
  const { label, options, text } = useVocabulary();
  const { projects } = useProjectScope();
  const setMatch = <K extends keyof SlaMatch>(key: K, value: SlaMatch[K]) =>
    onChange({ ...policy, match: { ...policy.match, [key]: value && value.length > 0 ? value : undefined } });
  const setTarget = (kind: SlaTargetKind, change: { minutes?: number | null; calendar?: SlaCalendar; enabled?: boolean }) => {
    const current = policy.targets[kind] ?? { minutes: 60, calendar: 'working_hours' as SlaCalendar };
    const targets = { ...policy.targets };
    if (change.enabled === false) delete targets[kind];
    else targets[kind] = { minutes: change.minutes ?? current.minutes, calendar: change.calendar ?? current.calendar };
    onChange({ ...policy, targets });
  };

  return (
    <Flex vertical gap={16} data-testid="sla-policy-editor">
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Typography.Text type="secondary">{t('sla.name')}</Typography.Text>
          <Input
            value={policy.name['zh-CN']}
            onChange={(event) => onChange({ ...policy, name: { ...policy.name, 'zh-CN': event.target.value } })}
            maxLength={60}
          />
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text type="secondary">{t('sla.nameEnglish')}</Typography.Text>
          <Input
            value={policy.name['en-US']}
            onChange={(event) => onChange({ ...policy, name: { ...policy.name, 'en-US': event.target.value } })}
            maxLength={80}
          />
        </Col>
        <Col xs={12} md={5}>
          <Typography.Text type="secondary">{t('sla.code')}</Typography.Text>
          <Input value={policy.code} onChange={(event) => onChange({ ...policy, code: event.target.value })} maxLength={40} />
        </Col>
        <Col xs={12} md={3}>
          <Typography.Text type="secondary">{t('sla.active')}</Typography.Text>
          <div>
            <Switch checked={policy.active} onChange={(active) => onChange({ ...policy, active })} />
          </div>
        </Col>
      </Row>
      <div>
        <Typography.Text strong>{t('sla.match')}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {t('sla.matchHint')}
        </Typography.Text>
        <Row gutter={[12, 8]} style={{ marginTop: 8 }}>
          <Col xs={24} md={12} lg={8}>
            <Select
              mode="multiple"
              allowClear
              style={{ width: '100%' }}
              placeholder={t('serviceDesk.type')}
              value={policy.match.types ?? []}
              onChange={(value) => setMatch('types', value)}
              options={options(ticketTypes)}
            />
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Select
              mode="multiple"
              allowClear
              style={{ width: '100%' }}
              placeholder={t('serviceDesk.category')}
              value={policy.match.categoryPrefixes ?? []}
              onChange={(value) => setMatch('categoryPrefixes', value)}
              options={categoryOptions}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Select
              mode="multiple"
              allowClear
              style={{ width: '100%' }}
              placeholder={t('serviceDesk.priority')}
              value={policy.match.priorities ?? []}
              onChange={(value) => setMatch('priorities', value)}
              options={options(ticketPriorities)}
            />
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Select
              mode="multiple"
              allowClear
              style={{ width: '100%' }}
              placeholder={t('serviceDesk.channel')}
              value={policy.match.channels ?? []}
              onChange={(value) => setMatch('channels', value)}
              options={options(ticketChannels)}
            />
          </Col>
          <Col xs={24} md={12} lg={8}>
            <Select
              mode="multiple"
              allowClear
              style={{ width: '100%' }}
              placeholder={t('persons.project')}
              value={policy.match.projectIds ?? []}
              onChange={(value) => setMatch('projectIds', value)}
              options={projects.map((project) => ({ value: project.id, label: project.name }))}
            />
          </Col>
        </Row>
      </div>
      <div>
        <Typography.Text strong>{t('sla.targets')}</Typography.Text>
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          {slaTargetKinds.values.map((kind) => {
            const target = policy.targets[kind];
            return (
              <Flex key={kind} align="center" gap={12} wrap data-testid={`sla-target-${kind}`}>
                <Checkbox checked={Boolean(target)} onChange={(event) => setTarget(kind, { enabled: event.target.checked })} style={{ width: 120 }}>
                  {label(slaTargetKinds, kind)}
                </Checkbox>
                {target ? (
                  <>
                    <InputNumber
                      min={1}
                      max={60 * 24 * 90}
                      value={target.minutes}
                      onChange={(minutes) => (minutes ? setTarget(kind, { minutes }) : undefined)}
                      suffix={t('sla.minutesUnit')}
                      style={{ width: 140 }}
                      data-testid={`sla-minutes-${index}-${kind}`}
                    />
                    <Select<SlaCalendar>
                      value={target.calendar}
                      onChange={(calendar) => setTarget(kind, { calendar })}
                      options={calendars.map((value) => ({ value, label: t(`sla.calendars.${value}`) }))}
                      style={{ width: 130 }}
                    />
                    <Typography.Text type="secondary" data-testid="sla-target-display">
                      {formatTarget(target.minutes, target.calendar, t)}
                    </Typography.Text>
                  </>
                ) : null}
              </Flex>
            );
          })}
        </Flex>
      </div>
      <Flex align="center" gap={12} wrap>
        <Typography.Text strong>{t('sla.warnShare')}</Typography.Text>
        <Slider
          min={0.5}
          max={0.95}
          step={0.05}
          value={policy.warnShare}
          onChange={(warnShare) => onChange({ ...policy, warnShare })}
          style={{ width: 240 }}
          tooltip={{ formatter: (value) => `${Math.round((value ?? 0) * 100)}%` }}
        />
        <Typography.Text type="secondary">{t('sla.warnShareHint', { percent: Math.round(policy.warnShare * 100) })}</Typography.Text>
      </Flex>
      {text(policy.rationale) ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
          {text(policy.rationale)}
        </Typography.Paragraph>
      ) : null}
    </Flex>
  );
}
