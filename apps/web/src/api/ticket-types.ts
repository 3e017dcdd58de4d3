import type {
  ClearStep, ComplaintScope, Label, SlaState, SlaTargetKind, StaffPost, TicketAction, TicketChannel, TicketPriority, TicketStatus, TicketType,
} from '@manyi/core';

/** Service-desk shapes of the /api/v1 contract (apps/server/src/tickets/schemas.ts), as the console reads them. */

export type StaffReference = { id: string; name: string } | null;

export type SlaClock = { target: SlaTargetKind; dueAt: string; metAt: string | null; state: SlaState };

export type TicketSummary = {
  id: string;
  number: string;
  projectId: string;
  projectName: string;
  type: TicketType;
  channel: TicketChannel;
  categoryCode: string | null;
  categoryName: Label | null;
  priority: TicketPriority;
  complaintScope: ComplaintScope | null;
  status: TicketStatus;
  title: string;
  householdId: string | null;
  householdLabel: string | null;
  reporterPersonId: string | null;
  reporterName: string;
  reporterPhone: string | null;
  location: string;
  firstReceiver: StaffReference;
  accountable: StaffReference;
  handoverTo: StaffReference;
  assignee: StaffReference;
  assignedPost: string | null;
  reopenCount: number;
  isRepeat: boolean;
  escalationLevel: number;
  holdReason: string | null;
  holdUntil: string | null;
  mergedIntoId: string | null;
  slaPolicyCode: string | null;
  sla: SlaClock[];
  reportedAt: string;
  firstResponseAt: string | null;
  arrivedAt: string | null;
  lastOwnerUpdateAt: string | null;
  resolvedAt: string | null;
  visitedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  version: number;
};

export type TicketEvent = {
  id: string;
  kind: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  actorKind: 'staff' | 'owner' | 'system';
  actorName: string;
  note: string;
  visibleToOwner: boolean;
  data: unknown;
  at: string;
};

export type Attachment = { id: string; fileName: string; contentType: string; size: number; uploadedByKind: 'staff' | 'owner'; createdAt: string };

export type VisitMethod = 'phone' | 'visit' | 'h5';
export type VisitOutcome = 'confirmed' | 'rejected' | 'no_answer';

export type ReturnVisit = {
  id: string;
  method: VisitMethod;
  outcome: VisitOutcome;
  csat: number | null;
  peakMoment: string | null;
  endMoment: string | null;
  comment: string;
  visitorKind: 'staff' | 'owner';
  visitorName: string;
  at: string;
};

export type ClearStepState = { done: boolean; savedBy: string | null; savedAt: string | null };

export type ClearFields = {
  controlNote: string | null;
  listenSummary: string | null;
  empathyStatement: string | null;
  apology: string | null;
  resolvePlan: string | null;
  promisedAt: string | null;
};

export type ClearRecordView = ClearFields & { steps: Record<ClearStep, ClearStepState>; complete: boolean; updatedAt: string | null };

export type RecoveryFields = { emotionalRecovery: string | null; problemRecovery: string | null; compensation: string | null; lessonLearned: string | null };

export type RecoveryRecordView = RecoveryFields & { complete: boolean; updatedBy: string | null; updatedAt: string | null };

export type TicketDetail = TicketSummary & {
  description: string;
  cancelReason: string | null;
  events: TicketEvent[];
  clear: ClearRecordView | null;
  recovery: RecoveryRecordView | null;
  visits: ReturnVisit[];
  attachments: Attachment[];
  mergedFrom: { id: string; number: string }[];
  availableActions: TicketAction[];
  canGrab: boolean;
  canAcceptHandover: boolean;
};

export type CategoryNode = {
  code: string;
  parentCode: string | null;
  name: Label;
  defaultPost: StaffPost | null;
  safetyCritical: boolean;
  active: boolean;
  position: number;
  children: CategoryNode[];
};

export type CannedReply = { id: string; ticketType: TicketType | null; title: string; body: string };

export type Workload = { staffId: string; name: string; post: string | null; total: number; byStatus: Partial<Record<TicketStatus, number>> };

/** The owner's view (apps/server/src/tickets/owner-schemas.ts): no internal notes, no staff names beyond the actor. */
export type OwnerTicketSummary = {
  id: string;
  number: string;
  type: TicketType;
  status: TicketStatus;
  title: string;
  categoryName: Label | null;
  householdLabel: string | null;
  reportedAt: string;
  updatedAt: string;
};

export type OwnerTicketDetail = OwnerTicketSummary & {
  description: string;
  location: string;
  holdReason: string | null;
  holdUntil: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  events: { id: string; kind: string; toStatus: TicketStatus | null; note: string; actorName: string; at: string }[];
  attachments: Attachment[];
  canConfirm: boolean;
  rating: { csat: number; comment: string; at: string } | null;
};
