import { LeftOutlined, PhoneOutlined, PictureOutlined } from '@ant-design/icons';
import { ticketStatuses } from '@manyi/core';
import { Button, Card, DatePicker, Descriptions, Drawer, Empty, Flex, Input, InputNumber, Segmented, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAppointment, useArrive, useComplete, useFieldTask, useSendCode, useUploadPhoto, type FieldTask } from '../../api/field-work';
import { errorMessage } from '../../api/problem';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { attachmentProblem } from '../../shared/attachment-rules';
import { formatDateTime } from '../../shared/time';
import { useCategoryNeedsPhoto } from './category-photo';
import { FieldFrame } from './FieldFrame';
import { SignaturePad } from './SignaturePad';

type MaterialRow = { name: string; quantity: number; unit: string };

function AppointmentCard({ task }: { task: FieldTask }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useAppointment(task.id);
  const [at, setAt] = useState<Dayjs | null>(task.appointmentAt ? dayjs(task.appointmentAt) : null);
  const [note, setNote] = useState(task.appointmentNote);
  return (
    <Card size="small" title={t('fieldWork.appointment.title')}>
      <Flex vertical gap={8}>
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 15 }}
          format="MM-DD HH:mm"
          value={at}
          onChange={setAt}
          inputReadOnly
          size="large"
          disabledDate={(date) => date.isBefore(dayjs().startOf('day'))}
          placeholder={t('fieldWork.appointment.pick')}
          data-testid="appointment-at"
        />
        <Input size="large" value={note} onChange={(event) => setNote(event.target.value)} maxLength={200} placeholder={t('fieldWork.appointment.note')} />
        <Button
          size="large"
          disabled={!at}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { at: at!.toISOString(), note },
              {
                onSuccess: () => void message.success(t('fieldWork.appointment.saved')),
                onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
              },
            )
          }
          data-testid="appointment-save"
        >
          {t('fieldWork.appointment.save')}
        </Button>
      </Flex>
    </Card>
  );
}

function CompleteDrawer({ task, open, onClose }: { task: FieldTask; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const navigate = useNavigate();
  const needsPhoto = useCategoryNeedsPhoto(task.categoryCode);
  const upload = useUploadPhoto(task.id);
  const sendCode = useSendCode(task.id);
  const complete = useComplete(task.id);
  const [result, setResult] = useState('');
  const [materials, setMaterials] = useState<MaterialRow[]>([]);
  const [photos, setPhotos] = useState<{ id: string; name: string }[]>([]);
  const [method, setMethod] = useState<'signature' | 'code'>('signature');
  const [signature, setSignature] = useState<File | null>(null);
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const addPhotos = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const problem = attachmentProblem(file, true);
      if (problem) {
        void message.error(t(`serviceDesk.attachments.${problem}`));
        continue;
      }
      try {
        const stored = await upload.mutateAsync(file);
        setPhotos((current) => [...current, { id: stored.id, name: stored.fileName }]);
      } catch (error) {
        void message.error(errorMessage(error, t('common.requestFailed')));
      }
    }
  };
  const ready = result.trim().length > 0 && (!needsPhoto || photos.length > 0) && (method === 'signature' ? signature !== null : /^\d{6}$/.test(code));
  const submit = async () => {
    setSaving(true);
    try {
      const confirmation =
        method === 'signature' ? { kind: 'signature' as const, attachmentId: (await upload.mutateAsync(signature!)).id } : { kind: 'code' as const, code };
      await complete.mutateAsync({
        result: result.trim(),
        materials: materials.filter((row) => row.name.trim()).map((row) => ({ ...row, name: row.name.trim() })),
        photoIds: photos.map((photo) => photo.id),
        confirmation,
        version: task.version,
      });
      void message.success(t('fieldWork.complete.done'));
      navigate('/m/tasks');
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="bottom"
      height="92%"
      title={t('fieldWork.complete.title')}
      footer={
        <Button type="primary" size="large" block disabled={!ready} loading={saving} onClick={() => void submit()} data-testid="complete-submit">
          {t('fieldWork.complete.submit')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <div>
          <Typography.Text strong>{t('fieldWork.complete.result')}</Typography.Text>
          <Input.TextArea
            value={result}
            onChange={(event) => setResult(event.target.value)}
            maxLength={2000}
            autoSize={{ minRows: 3 }}
            placeholder={t('fieldWork.complete.resultPlaceholder')}
            data-testid="complete-result"
          />
        </div>
        <div>
          <Typography.Text strong>
            {t('fieldWork.complete.photos')}
            {needsPhoto ? <Typography.Text type="danger">{t('fieldWork.complete.photoRequired')}</Typography.Text> : null}
          </Typography.Text>
          <Flex vertical gap={4} style={{ marginTop: 6 }}>
            {photos.map((photo) => (
              <Typography.Text key={photo.id} data-testid="complete-photo">
                <PictureOutlined /> {photo.name}
              </Typography.Text>
            ))}
            <label style={{ display: 'block' }}>
              <input
                type="file"
                accept="image/*"
                capture="environment"
                multiple
                style={{ display: 'none' }}
                onChange={(event) => void addPhotos(event.target.files)}
                data-testid="complete-photo-input"
              />
              <Button size="large" block loading={upload.isPending} style={{ pointerEvents: 'none' }}>
                {t('fieldWork.complete.addPhoto')}
              </Button>
            </label>
          </Flex>
        </div>
        <div>
          <Typography.Text strong>{t('fieldWork.complete.materials')}</Typography.Text>
          <Flex vertical gap={6} style={{ marginTop: 6 }}>
            {materials.map((row, index) => (
              <Flex key={index} gap={6}>
                <Input
                  size="large"
                  value={row.name}
                  placeholder={t('fieldWork.complete.materialName')}
                  onChange={(event) => setMaterials((current) => current.map((item, at) => (at === index ? { ...item, name: event.target.value } : item)))}
                />
                <InputNumber
                  size="large"
                  min={0.01}
                  value={row.quantity}
                  style={{ width: 80 }}
                  onChange={(value) => setMaterials((current) => current.map((item, at) => (at === index ? { ...item, quantity: value ?? 1 } : item)))}
                />
                <Input
                  size="large"
                  value={row.unit}
                  style={{ width: 56 }}
                  onChange={(event) => setMaterials((current) => current.map((item, at) => (at === index ? { ...item, unit: event.target.value } : item)))}
                />
              </Flex>
            ))}
            <Button size="large" type="dashed" onClick={() => setMaterials((current) => [...current, { name: '', quantity: 1, unit: '个' }])}>
              {t('fieldWork.complete.addMaterial')}
            </Button>
          </Flex>
        </div>
        <div>
          <Typography.Text strong>{t('fieldWork.complete.confirmation')}</Typography.Text>
          <Segmented
            block
            size="large"
            value={method}
            onChange={(value) => setMethod(value as 'signature' | 'code')}
            options={[
              { value: 'signature', label: t('fieldWork.complete.bySignature') },
              { value: 'code', label: t('fieldWork.complete.byCode') },
            ]}
            style={{ margin: '6px 0' }}
            data-testid="complete-method"
          />
          {method === 'signature' ? (
            <SignaturePad onChange={setSignature} />
          ) : (
            <Flex vertical gap={8}>
              <Button
                size="large"
                loading={sendCode.isPending}
                onClick={() =>
                  sendCode.mutate(undefined, {
                    onSuccess: (sent) => setSentTo(sent.phone),
                    onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
                  })
                }
                data-testid="complete-send-code"
              >
                {sentTo ? t('fieldWork.complete.resendCode') : t('fieldWork.complete.sendCode')}
              </Button>
              {sentTo ? <Typography.Text type="secondary">{t('fieldWork.complete.codeSent', { phone: sentTo })}</Typography.Text> : null}
              <Input
                size="large"
                inputMode="numeric"
                maxLength={6}
                value={code}
                onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
                placeholder={t('fieldWork.complete.codePlaceholder')}
                data-testid="complete-code"
              />
            </Flex>
          )}
        </div>
      </Flex>
    </Drawer>
  );
}

/** One task on the phone: where and what, the visit time agreed with the owner, 到场 and 完工 at the bottom. */
export function FieldTaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const message = useMessage();
  const { label, text } = useVocabulary();
  const task = useFieldTask(id);
  const arrive = useArrive(id);
  const [completing, setCompleting] = useState(false);
  const back = (
    <Link to="/m/tasks" aria-label={t('fieldWork.back')} style={{ padding: 8, margin: -8 }}>
      <LeftOutlined />
    </Link>
  );
  if (task.isPending)
    return (
      <FieldFrame title={t('fieldWork.title')} back={back}>
        <Spin style={{ display: 'block', margin: 32 }} />
      </FieldFrame>
    );
  if (task.isError)
    return (
      <FieldFrame title={t('fieldWork.title')} back={back}>
        <Empty description={errorMessage(task.error, t('common.loadFailed'))} />
      </FieldFrame>
    );
  const data = task.data;
  const canArrive = ['assigned', 'reopened'].includes(data.status);
  const canComplete = data.status === 'in_progress';
  const actions =
    canArrive || canComplete ? (
      <>
        {data.reporterPhone ? (
          <Button size="large" icon={<PhoneOutlined />} href={`tel:${data.reporterPhone}`} style={{ height: 52 }}>
            {t('fieldWork.call')}
          </Button>
        ) : null}
        {canArrive ? (
          <Button
            type="primary"
            size="large"
            block
            style={{ height: 52 }}
            loading={arrive.isPending}
            onClick={() =>
              arrive.mutate(data.version, {
                onSuccess: () => void message.success(t('fieldWork.arrived')),
                onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
              })
            }
            data-testid="field-arrive"
          >
            {t('fieldWork.arrive')}
          </Button>
        ) : (
          <Button type="primary" size="large" block style={{ height: 52 }} onClick={() => setCompleting(true)} data-testid="field-complete">
            {t('fieldWork.complete.open')}
          </Button>
        )}
      </>
    ) : undefined;
  return (
    <FieldFrame title={data.number} back={back} actions={actions}>
      <Flex vertical gap={12}>
        <Card size="small">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {data.title}
          </Typography.Title>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'status', label: t('fieldWork.status'), children: <span data-testid="field-status">{label(ticketStatuses, data.status)}</span> },
              { key: 'place', label: t('fieldWork.place'), children: [data.householdLabel, data.location].filter(Boolean).join(' · ') || data.projectName },
              { key: 'category', label: t('fieldWork.category'), children: data.categoryName ? text(data.categoryName) : '—' },
              { key: 'reporter', label: t('fieldWork.reporter'), children: data.reporterName || '—' },
              { key: 'arrived', label: t('fieldWork.arrivedAt'), children: data.arrivedAt ? formatDateTime(data.arrivedAt) : '—' },
            ]}
          />
        </Card>
        {data.status !== 'resolved' ? <AppointmentCard key={data.appointmentAt ?? 'none'} task={data} /> : null}
      </Flex>
      {canComplete ? <CompleteDrawer task={data} open={completing} onClose={() => setCompleting(false)} /> : null}
    </FieldFrame>
  );
}
