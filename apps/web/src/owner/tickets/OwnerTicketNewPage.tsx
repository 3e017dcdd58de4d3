import { ticketTypes, type TicketType } from '@manyi/core';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useReportIssue, useUploadOwnerPhoto } from '../../api/owner-tickets';
import { errorMessage } from '../../api/problem';
import type { OwnerMe } from '../../api/types';
import { useVocabulary } from '../../i18n/vocabulary';
import { attachmentProblem } from '../../shared/attachment-rules';
import { OwnerCard } from '../OwnerCard';
import { OwnerFrame } from '../OwnerFrame';
import { Icon } from '../icons';
import { useOwnerTexts } from '../texts';
import { Alert, Button, Flex, Input, Text, TextArea, useToast } from '../ui';
import { OwnerBackLink } from './OwnerBackLink';
import { OwnerCategoryChooser } from './OwnerCategoryChooser';
import { OwnerGate } from './OwnerGate';

const maxPhotos = 6;
type Photo = { file: File; preview: string };

function ChoiceButton({ selected, onClick, children, testId }: { selected: boolean; onClick: () => void; children: string; testId: string }) {
  return (
    <Button
      type={selected ? 'primary' : 'default'}
      size="large"
      block
      onClick={onClick}
      style={{ height: 52, fontSize: 16 }}
      aria-pressed={selected}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}

function ReportForm({ owner }: { owner: OwnerMe }) {
  const t = useOwnerTexts();
  const { label } = useVocabulary();
  const toast = useToast();
  const navigate = useNavigate();
  const report = useReportIssue();
  const uploadPhoto = useUploadOwnerPhoto();
  // The home's 提建议 opens the form on a suggestion (?type=suggestion).
  const [params] = useSearchParams();
  const asked = params.get('type');
  const [type, setType] = useState<TicketType>((ticketTypes.values as readonly string[]).includes(asked ?? '') ? (asked as TicketType) : 'repair');
  const [householdId, setHouseholdId] = useState(owner.households[0]?.id);
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  // Previews are object URLs: free those still shown when the page goes away.
  const shown = useRef<Photo[]>([]);
  useEffect(() => {
    shown.current = photos;
  }, [photos]);
  useEffect(() => () => shown.current.forEach((photo) => URL.revokeObjectURL(photo.preview)), []);

  const addPhotos = (files: FileList | null) => {
    if (!files) return;
    const accepted: Photo[] = [];
    for (const file of Array.from(files)) {
      const refusal = attachmentProblem(file, true);
      if (refusal) {
        toast.error(t(`ownerTickets.photo.${refusal}`, { name: file.name }));
        continue;
      }
      if (photos.length + accepted.length >= maxPhotos) {
        toast.warning(t('ownerTickets.photo.tooMany', { count: maxPhotos }));
        break;
      }
      accepted.push({ file, preview: URL.createObjectURL(file) });
    }
    setPhotos([...photos, ...accepted]);
  };

  const submit = async () => {
    if (!householdId || !description.trim()) return;
    setProblem(null);
    setSending(true);
    try {
      const ticket = await report.mutateAsync({ householdId, type, categoryCode, description: description.trim(), location: location.trim() || undefined });
      let failed = 0;
      for (const photo of photos) {
        try {
          await uploadPhoto.mutateAsync({ ticketId: ticket.id, file: photo.file });
        } catch {
          failed += 1;
        }
      }
      if (failed > 0) toast.warning(t('ownerTickets.photo.someFailed', { count: failed }));
      else toast.success(t('ownerTickets.submitted'));
      void navigate(`/h5/tickets/${ticket.id}`, { replace: true });
    } catch (error) {
      // The daily limit (429) and any other refusal read best in place, not in a passing toast.
      setProblem(errorMessage(error, t('owner.requestFailed')));
    } finally {
      setSending(false);
    }
  };

  if (owner.households.length === 0) {
    return (
      <OwnerCard>
        <Text>{t('owner.noHouseholds')}</Text>
      </OwnerCard>
    );
  }

  return (
    <Flex vertical gap={16} data-testid="owner-ticket-form">
      <OwnerCard padding={16}>
        <Text strong block style={{ fontSize: 16, marginBottom: 12 }}>
          {t('ownerTickets.typeQuestion')}
        </Text>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }}>
          {ticketTypes.values.map((value) => (
            <ChoiceButton key={value} selected={type === value} onClick={() => setType(value)} testId={`owner-type-${value}`}>
              {label(ticketTypes, value)}
            </ChoiceButton>
          ))}
        </div>
      </OwnerCard>
      <OwnerCategoryChooser value={categoryCode} onChange={setCategoryCode} />
      {owner.households.length > 1 ? (
        <OwnerCard padding={16}>
          <Text strong block style={{ fontSize: 16, marginBottom: 12 }}>
            {t('ownerTickets.household')}
          </Text>
          <Flex vertical gap={8}>
            {owner.households.map((household) => (
              <ChoiceButton
                key={household.id}
                selected={householdId === household.id}
                onClick={() => setHouseholdId(household.id)}
                testId="owner-household-choice"
              >
                {`${household.label} · ${household.projectName}`}
              </ChoiceButton>
            ))}
          </Flex>
        </OwnerCard>
      ) : null}
      <OwnerCard padding={16}>
        <Text strong block style={{ fontSize: 16, marginBottom: 8 }}>
          {t('ownerTickets.description')}
        </Text>
        <TextArea
          value={description}
          onChange={setDescription}
          maxLength={2000}
          showCount
          rows={4}
          placeholder={t('ownerTickets.descriptionPlaceholder')}
          style={{ fontSize: 16 }}
          data-testid="owner-ticket-description"
        />
        <Input
          value={location}
          onChange={setLocation}
          maxLength={200}

          placeholder={t('ownerTickets.locationPlaceholder')}
          style={{ marginTop: 12, fontSize: 16 }}
          data-testid="owner-ticket-location"
        />
      </OwnerCard>
      <OwnerCard padding={16}>
        <Text strong block style={{ fontSize: 16, marginBottom: 8 }}>
          {t('ownerTickets.photos')}
        </Text>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }} data-testid="owner-photos">
          {photos.map((photo, index) => (
            <div key={photo.preview} style={{ position: 'relative', aspectRatio: '1', borderRadius: 8, overflow: 'hidden', background: '#f0f0f0' }}>
              <img src={photo.preview} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover' }} data-testid="owner-photo-preview" />
              <button
                type="button"
                aria-label={t('owner.delete')}
                onClick={() => {
                  URL.revokeObjectURL(photo.preview);
                  setPhotos(photos.filter((_photo, other) => other !== index));
                }}
                style={{
                  position: 'absolute',
                  top: 4,
                  right: 4,
                  width: 32,
                  height: 32,
                  border: 0,
                  borderRadius: 16,
                  background: 'rgba(0,0,0,.55)',
                  color: '#fff',
                }}
              >
                <Icon name="close" size={18} />
              </button>
            </div>
          ))}
          {photos.length < maxPhotos ? (
            <label
              style={{
                aspectRatio: '1',
                border: '1px dashed #bfbfbf',
                borderRadius: 8,
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                justifyContent: 'center',
                color: '#595959',
                cursor: 'pointer',
              }}
            >
              <Icon name="camera" size={28} />
              <span style={{ fontSize: 13, marginTop: 4 }}>{t('ownerTickets.addPhoto')}</span>
              <input
                type="file"
                accept="image/*"
                multiple
                hidden
                onChange={(event) => {
                  addPhotos(event.target.files);
                  event.target.value = '';
                }}
                data-testid="owner-photo-input"
              />
            </label>
          ) : null}
        </div>
        <Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
          {t('ownerTickets.photoHint', { count: maxPhotos })}
        </Text>
      </OwnerCard>
      {problem ? <Alert type="error" title={problem} data-testid="owner-ticket-error" /> : null}
      <Button
        type="primary"
        size="large"
        block
        disabled={!description.trim()}
        loading={sending}
        onClick={() => void submit()}
        style={{ height: 52, fontSize: 17 }}
        data-testid="owner-ticket-submit"
      >
        {t('ownerTickets.submit')}
      </Button>
    </Flex>
  );
}

export function OwnerTicketNewPage() {
  const t = useOwnerTexts();
  return (
    <OwnerGate>
      {(owner) => (
        <OwnerFrame title={t('ownerTickets.newTitle')}>
          <Flex vertical gap={8}>
            <OwnerBackLink to="/h5" label={t('ownerTickets.home')} />
            <ReportForm owner={owner} />
          </Flex>
        </OwnerFrame>
      )}
    </OwnerGate>
  );
}
