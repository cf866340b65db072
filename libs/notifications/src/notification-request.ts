/**
 * What a domain asks the notifications lib to send. Recorded inside the caller's transaction (so a rolled-back
 * change sends nothing), delivered after commit: inbox rows are visible at once, SMS go through the `notifications`
 * queue. `dedupeKey` makes recording idempotent: the same key never produces a second message for the same recipient.
 */
export enum NotificationTemplate {
  /** To the worker: an offer (录用意向) arrived. */
  OfferReceived = 'offer_received',
  /** To the worker: an employer invites them to apply / take the job. */
  Invited = 'invited',
  /** To the broker / employer: a worker applied (or a broker applied for them). */
  ApplicationReceived = 'application_received',
  /** To the broker / employer: the worker accepted the offer. */
  OfferAccepted = 'offer_accepted',
  /** To the broker / employer: the worker declined. */
  OfferDeclined = 'offer_declined',
  /** To the worker: not selected (with the reason). */
  ApplicationRejected = 'application_rejected',
  /** To the other side: an application or offer was withdrawn. */
  ApplicationWithdrawn = 'application_withdrawn',
  /** To the worker: placement confirmed, start date fixed. */
  PlacementConfirmed = 'placement_confirmed',
  /** To the rider: the trip is confirmed — pickup point, time, seat, coordinator's phone. */
  TripConfirmed = 'trip_confirmed',
  /** To the rider: 24 h / 2 h before departure. */
  TripReminder = 'trip_reminder',
  /** To the rider: the departure time or the pickup changed after confirmation. */
  TripChanged = 'trip_changed',
  /** To the rider: the trip is cancelled; a new one will be arranged. */
  TripCancelled = 'trip_cancelled',
  /** To the broker: a follow-up (回访) of one of their placements is due today. */
  FollowUpDue = 'follow_up_due',
  /** To the worker: please check in (报平安) on the web — how the job and life there are going. */
  FollowUpCheckIn = 'follow_up_check_in',
  /** To the broker: a follow-up is past its grace period without a visit. */
  FollowUpOverdue = 'follow_up_overdue',
  /** To the county's officers: a follow-up has stayed overdue. */
  FollowUpEscalated = 'follow_up_escalated',
}

export interface NotificationRecipient {
  /** In-app inbox of this account (when present). */
  userId?: string | null;
  /** Also send an SMS to this mobile (the encrypted and masked forms as stored on the worker). */
  sms?: {
    workerId?: string | null; mobileEncrypted: string; mobileMasked: string;
    /** The keyed hash stored beside the number (workers.mobile_hash): spares decrypting it to de-duplicate. */
    mobileHash?: string | null;
  } | null;
}

export interface NotificationRequest {
  template: NotificationTemplate;
  /** Values the Chinese template fills in, e.g. { name: '马小龙', employer: '厦门某电子', title: '普工' }. */
  params: Record<string, string | number>;
  /** Unique per intent, e.g. `application-event:123`; recipients are appended to it. */
  dedupeKey: string;
  to: NotificationRecipient[];
  /** Where the inbox message leads in the web app. */
  link?: string;
}
