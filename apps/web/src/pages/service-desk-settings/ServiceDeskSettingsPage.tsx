import { Alert, Col, Form, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { holdsAbility, useMe } from '../../api/auth';
import { useDetectionSettings, useSaveDetectionSettings, type DetectionSettings } from '../../api/incidents';
import { useSaveVisitSettings, useVisitSettings, type VisitSettings } from '../../api/visit-settings';
import { PageHeader } from '../../shared/PageHeader';
import { CategoryPhotoCard } from './CategoryPhotoCard';
import { SettingsFormCard } from './SettingsFormCard';

/** Shares are stored 0–1 and read as percentages; one decimal is as fine as anyone sets them. */
const toPercent = (share: number) => Math.round(share * 1000) / 10;
const toShare = (percent: number) => Math.round(percent * 10) / 1000;

type VisitForm = { complaintShare: number; repairShare: number; otherShare: number };

function GroupDetectionCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const settings = useDetectionSettings();
  const save = useSaveDetectionSettings();
  return (
    <SettingsFormCard<DetectionSettings, DetectionSettings>
      title={t('deskSettings.group.title')}
      intro={t('deskSettings.group.intro')}
      query={settings}
      toForm={(data) => data}
      save={(values) => save.mutateAsync(values)}
      saving={save.isPending}
      successMessage={t('deskSettings.group.saved')}
      editable={editable}
      summary={(data) => t('deskSettings.group.summary', { households: data.minimumHouseholds, hours: data.windowHours })}
      testId="detection-settings"
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="minimumHouseholds"
            label={t('deskSettings.group.minimumHouseholds')}
            rules={[{ required: true, type: 'integer', min: 2, max: 1000, message: t('deskSettings.group.householdsRange') }]}
          >
            <InputNumber precision={0} suffix={t('deskSettings.group.householdsUnit')} style={{ width: '100%' }} data-testid="detection-households" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="windowHours"
            label={t('deskSettings.group.windowHours')}
            rules={[{ required: true, type: 'integer', min: 1, max: 720, message: t('deskSettings.group.hoursRange') }]}
          >
            <InputNumber precision={0} suffix={t('deskSettings.group.hoursUnit')} style={{ width: '100%' }} data-testid="detection-hours" />
          </Form.Item>
        </Col>
      </Row>
    </SettingsFormCard>
  );
}

function VisitSharesCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const settings = useVisitSettings();
  const save = useSaveVisitSettings();
  const shareRule = { required: true, type: 'number', min: 0, max: 100, message: t('deskSettings.visit.shareRange') } as const;
  return (
    <SettingsFormCard<VisitSettings, VisitForm>
      title={t('deskSettings.visit.title')}
      intro={t('deskSettings.visit.intro')}
      query={settings}
      toForm={(data) => ({ complaintShare: toPercent(data.complaintShare), repairShare: toPercent(data.repairShare), otherShare: toPercent(data.otherShare) })}
      save={(values) => save.mutateAsync({ repairShare: toShare(values.repairShare), otherShare: toShare(values.otherShare) })}
      saving={save.isPending}
      successMessage={t('deskSettings.visit.saved')}
      editable={editable}
      testId="visit-shares"
    >
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          {/* Shown, never editable: the rule that every complaint gets a visit should be visible where the others are set. */}
          <Form.Item name="complaintShare" label={t('deskSettings.visit.complaintShare')} extra={t('deskSettings.visit.complaintFixed')}>
            <InputNumber disabled suffix="%" style={{ width: '100%' }} data-testid="share-complaint" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="repairShare" label={t('deskSettings.visit.repairShare')} rules={[shareRule]}>
            <InputNumber precision={1} step={5} suffix="%" style={{ width: '100%' }} data-testid="share-repair" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="otherShare" label={t('deskSettings.visit.otherShare')} extra={t('deskSettings.visit.otherHint')} rules={[shareRule]}>
            <InputNumber precision={1} step={5} suffix="%" style={{ width: '100%' }} data-testid="share-other" />
          </Form.Item>
        </Col>
      </Row>
    </SettingsFormCard>
  );
}

/**
 * Management → 服务台设置: the company-wide rules of the service desk that are not SLA targets —
 * when similar reports make a group complaint, and how many resolved tickets get a return visit.
 */
export function ServiceDeskSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  // Both cards are edited together: the detection thresholds (incident.settings) and the visit shares (sla.manage).
  const editable = holdsAbility(me.data, 'incident.settings') && holdsAbility(me.data, 'sla.manage');
  return (
    <>
      <PageHeader title={t('deskSettings.title')} />
      {me.data && !editable ? <Alert type="info" showIcon title={t('deskSettings.readOnly')} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <GroupDetectionCard editable={editable} />
        </Col>
        <Col xs={24} xl={12}>
          <VisitSharesCard editable={editable} />
        </Col>
        <Col xs={24}>
          <CategoryPhotoCard editable={holdsAbility(me.data, 'category.manage')} />
        </Col>
      </Row>
    </>
  );
}
