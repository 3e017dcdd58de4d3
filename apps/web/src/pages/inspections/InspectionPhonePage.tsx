import { staffPosts } from '@manyi/core';
import { CameraOutlined, LeftOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, InputNumber, Result, Segmented, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  useCheckItem,
  useInspection,
  useItemPhoto,
  useStartInspection,
  useSubmitInspection,
  type Inspection,
  type InspectionItem,
} from '../../api/inspections';
import { errorMessage } from '../../api/problem';
import { useVocabulary } from '../../i18n/vocabulary';
import { useMessage } from '../../shared/MessageProvider';
import { FieldFrame } from '../field-work/FieldFrame';

function ItemCard({ round, item }: { round: Inspection; item: InspectionItem }) {
  const { t } = useTranslation();
  const { text } = useVocabulary();
  const message = useMessage();
  const check = useCheckItem(round.id);
  const photo = useItemPhoto(round.id);
  const [result, setResult] = useState<'pass' | 'deduct' | null>(item.result);
  const [deduction, setDeduction] = useState<number | null>(item.deduction || null);
  const [note, setNote] = useState(item.note);
  const open = round.status !== 'submitted';
  const save = (next: 'pass' | 'deduct') =>
    check.mutate(
      { itemId: item.id, body: next === 'pass' ? { result: 'pass' } : { result: 'deduct', deduction: deduction ?? 0, note } },
      {
        onSuccess: () => void message.success(t('inspections.phone.saved')),
        onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
      },
    );
  return (
    <Card size="small" data-testid="inspection-item">
      <Flex vertical gap={8}>
        <Flex justify="space-between" gap={8} align="baseline">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {text(item.name)}
          </Typography.Text>
          <Tag>{text(item.dimensionName)}</Tag>
        </Flex>
        <Typography.Text type="secondary">{t('inspections.phone.deduction', { points: item.points })}</Typography.Text>
        {open ? (
          <>
            <Segmented
              block
              size="large"
              value={result ?? ''}
              options={[
                { value: 'pass', label: t('inspections.phone.pass') },
                { value: 'deduct', label: t('inspections.phone.deduct') },
              ]}
              onChange={(value) => {
                const next = value as 'pass' | 'deduct';
                setResult(next);
                if (next === 'pass') save('pass');
              }}
              data-testid="inspection-result"
            />
            {result === 'deduct' ? (
              <Flex vertical gap={8}>
                <InputNumber
                  size="large"
                  style={{ width: '100%' }}
                  min={0.1}
                  max={item.points}
                  step={1}
                  value={deduction}
                  onChange={setDeduction}
                  placeholder={t('inspections.phone.deduction', { points: item.points })}
                  data-testid="inspection-deduction"
                />
                <Input.TextArea
                  rows={2}
                  value={note}
                  maxLength={500}
                  onChange={(event) => setNote(event.target.value)}
                  placeholder={t('inspections.phone.note')}
                  data-testid="inspection-note"
                />
                <Flex gap={8}>
                  <Button
                    size="large"
                    icon={<CameraOutlined />}
                    loading={photo.isPending}
                    style={{ flex: 1 }}
                    onClick={() => document.getElementById(`photo-${item.id}`)?.click()}
                  >
                    {t('inspections.phone.photo')}
                  </Button>
                  <Button
                    size="large"
                    type="primary"
                    style={{ flex: 1 }}
                    loading={check.isPending}
                    onClick={() => save('deduct')}
                    data-testid="inspection-save"
                  >
                    {t('inspections.phone.save')}
                  </Button>
                </Flex>
                <input
                  id={`photo-${item.id}`}
                  type="file"
                  accept="image/*"
                  capture="environment"
                  hidden
                  data-testid="inspection-photo"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    if (file)
                      photo.mutate({ itemId: item.id, file }, { onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))) });
                    event.target.value = '';
                  }}
                />
              </Flex>
            ) : null}
          </>
        ) : (
          <Typography.Text type={item.result === 'deduct' ? 'danger' : 'success'}>
            {item.result === 'deduct' ? `−${item.deduction} ${item.note}` : t('inspections.phone.pass')}
          </Typography.Text>
        )}
        {item.photoCount > 0 ? <Typography.Text type="secondary">{t('inspections.phone.photos', { count: item.photoCount })}</Typography.Text> : null}
      </Flex>
    </Card>
  );
}

function StartCard({ round }: { round: Inspection }) {
  const { t } = useTranslation();
  const message = useMessage();
  const start = useStartInspection(round.id);
  const [location, setLocation] = useState(round.location);
  const [position, setPosition] = useState<{ latitude: number; longitude: number } | null>(null);
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('inspections.phone.location')}</Typography.Text>
        <Input
          size="large"
          value={location}
          maxLength={200}
          onChange={(event) => setLocation(event.target.value)}
          placeholder={t('inspections.phone.locationPlaceholder')}
          data-testid="inspection-location"
        />
        <Flex gap={8}>
          <Button
            size="large"
            style={{ flex: 1 }}
            onClick={() =>
              navigator.geolocation?.getCurrentPosition((found) => setPosition({ latitude: found.coords.latitude, longitude: found.coords.longitude }))
            }
          >
            {position ? `${position.latitude.toFixed(4)}, ${position.longitude.toFixed(4)}` : t('inspections.phone.useGps')}
          </Button>
          <Button
            size="large"
            type="primary"
            style={{ flex: 1 }}
            loading={start.isPending}
            disabled={!location.trim()}
            onClick={() =>
              start.mutate({ location, ...(position ?? {}) }, { onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))) })
            }
            data-testid="inspection-start"
          >
            {t('inspections.phone.start')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

/** One inspection round on the inspector's phone (375 px): where, each item pass or deduct with photo and note, submit. */
export function InspectionPhonePage() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const message = useMessage();
  const { id = '' } = useParams();
  const round = useInspection(id);
  const submit = useSubmitInspection(id);
  const [days, setDays] = useState<number | null>(3);
  const back = (
    <Link to="/inspections" aria-label={t('inspections.phone.back')}>
      <LeftOutlined />
    </Link>
  );
  if (round.isPending)
    return (
      <FieldFrame title={t('inspections.title')} back={back}>
        <Spin />
      </FieldFrame>
    );
  if (round.isError || !round.data)
    return (
      <FieldFrame title={t('inspections.title')} back={back}>
        <Result status="warning" title={errorMessage(round.error, t('common.loadFailed'))} />
      </FieldFrame>
    );
  const data = round.data;
  const done = data.items.filter((item) => item.result !== null).length;
  const open = data.status !== 'submitted';
  return (
    <FieldFrame
      title={`${data.projectName} · ${label(staffPosts, data.post)}`}
      back={back}
      actions={
        open ? (
          <Flex gap={8} style={{ width: '100%' }} align="center">
            <InputNumber size="large" min={1} max={60} value={days} onChange={setDays} style={{ width: 88 }} aria-label={t('inspections.phone.rectifyDays')} />
            <Button
              size="large"
              type="primary"
              block
              loading={submit.isPending}
              disabled={done < data.items.length}
              onClick={() =>
                submit.mutate(days ?? 3, {
                  onSuccess: (result) => void message.success(t('inspections.phone.submitted', { score: result.score })),
                  onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
                })
              }
              data-testid="inspection-submit"
            >
              {t('inspections.phone.submit')}
            </Button>
          </Flex>
        ) : undefined
      }
    >
      <Flex vertical gap={12}>
        <Flex justify="space-between">
          <Typography.Text type="secondary">{t('inspections.phone.progress', { done, total: data.items.length })}</Typography.Text>
          {data.score !== null ? (
            <Typography.Text strong data-testid="inspection-score">
              {t('inspections.score')} {data.score}
            </Typography.Text>
          ) : null}
        </Flex>
        {open && !data.location ? <StartCard round={data} /> : <Typography.Text>{data.location}</Typography.Text>}
        {data.items.length === 0 ? <Empty /> : data.items.map((item) => <ItemCard key={item.id} round={data} item={item} />)}
      </Flex>
    </FieldFrame>
  );
}
