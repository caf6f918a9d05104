import { ANALYTICS_ENTITIES } from './modules/analytics/entities/conversation-analytics.entity.js';
import { LocalizedContent } from './modules/content/entities/localized-content.entity.js';
import { ArtifactBlob } from './modules/artifacts/entities/artifact-blob.entity.js';
import { ArtifactUpload } from './modules/artifacts/entities/artifact-upload.entity.js';
import { Artifact } from './modules/artifacts/entities/artifact.entity.js';
import { AppSession } from './modules/auth/entities/app-session.entity.js';
import { LoginAttempt } from './modules/auth/entities/login-attempt.entity.js';
import {
  PasswordResetAttempt,
  PasswordResetToken,
} from './modules/auth/entities/password-reset.entity.js';
import { RefreshToken } from './modules/auth/entities/refresh-token.entity.js';
import { RevokedJti } from './modules/auth/entities/revoked-jti.entity.js';
import { TrustedClient } from './modules/auth/entities/trusted-client.entity.js';
import { AuditEntry } from './modules/audit/entities/audit-entry.entity.js';
import { FeatureFlag } from './modules/feature-flags/entities/feature-flag.entity.js';
import { MemoryItem } from './modules/memory/entities/memory-item.entity.js';
import { RejectedSummary } from './modules/memory/entities/rejected-summary.entity.js';
import { ChatSession } from './modules/conversations/entities/chat-session.entity.js';
import { ConversationConfig } from './modules/conversations/entities/conversation-config.entity.js';
import { Conversation } from './modules/conversations/entities/conversation.entity.js';
import { Feedback } from './modules/conversations/entities/feedback.entity.js';
import { Stream } from './modules/streams/entities/stream.entity.js';
import { MessageVote } from './modules/conversations/entities/message-vote.entity.js';
import { Message } from './modules/conversations/entities/message.entity.js';
import { UserConsent } from './modules/consent/entities/user-consent.entity.js';
import { ParentalConsent } from './modules/consent/entities/parental-consent.entity.js';
import { ParentalRequest } from './modules/consent/entities/parental-request.entity.js';
import { Collective } from './modules/collectives/entities/collective.entity.js';
import { Invitation } from './modules/collectives/entities/invitation.entity.js';
import { CollectiveMembership } from './modules/collectives/entities/membership.entity.js';
import { IdpLogin } from './modules/users/entities/idp-login.entity.js';
import { UserApiKey } from './modules/users/entities/user-api-key.entity.js';
import { User } from './modules/users/entities/user.entity.js';
import { SemanticCacheEntry } from './modules/rag/entities/semantic-cache-entry.entity.js';
import { RagChunk } from './modules/rag/entities/rag-chunk.entity.js';
import { RagCollection } from './modules/rag/entities/rag-collection.entity.js';
import { RagDocument } from './modules/rag/entities/rag-document.entity.js';
import {
  RagEmbeddingProfile,
  RagProfileVector,
} from './modules/rag/entities/rag-embedding-profile.entity.js';
import { MailOutbox } from './platform/mail/mail-outbox.entity.js';
import { QueuedJob } from './platform/queue/entities/queued-job.entity.js';

// Every TypeORM entity of the service, in one list: the data source, the
// migration generator and the zero-diff check all read the same metadata.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: Function[] = [
  QueuedJob,
  MailOutbox,
  User,
  IdpLogin,
  UserApiKey,
  AppSession,
  RefreshToken,
  RevokedJti,
  LoginAttempt,
  PasswordResetToken,
  PasswordResetAttempt,
  TrustedClient,
  UserConsent,
  ParentalConsent,
  ParentalRequest,
  Collective,
  CollectiveMembership,
  Invitation,
  MemoryItem,
  RejectedSummary,
  Conversation,
  ChatSession,
  Message,
  MessageVote,
  ConversationConfig,
  Feedback,
  Stream,
  ArtifactBlob,
  Artifact,
  ArtifactUpload,
  FeatureFlag,
  AuditEntry,
  LocalizedContent,
  ...ANALYTICS_ENTITIES,
  RagCollection,
  RagDocument,
  RagChunk,
  RagEmbeddingProfile,
  RagProfileVector,
  SemanticCacheEntry,
];
