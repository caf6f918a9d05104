// Every migration, oldest first. `npm run migration:generate` appends here.
import { CreateSchemas1763800000000 } from './1763800000000-CreateSchemas.js';
import { QueuedJobs1795355388624 } from './1795355388624-QueuedJobs.js';
import { Identity1795356879432 } from './1795356879432-Identity.js';
import { MemoryItems1795497166061 } from './1795497166061-MemoryItems.js';
import { Conversations1795497249148 } from './1795497249148-Conversations.js';
import { Streams1795497645524 } from './1795497645524-Streams.js';
import { Collectives1795498003704 } from './1795498003704-Collectives.js';
import { LoginAttemptBlocked1795502838496 } from './1795502838496-LoginAttemptBlocked.js';
import { RejectedSummaries1796230937932 } from './1796230937932-RejectedSummaries.js';
import { RagKnowledgeBase1796282950198 } from './1796282950198-RagKnowledgeBase.js';
import { FeatureFlagsAuditLog1796283429904 } from './1796283429904-FeatureFlagsAuditLog.js';
import { Artifacts1796283471789 } from './1796283471789-Artifacts.js';
import { ArtifactUploads1796285052128 } from './1796285052128-ArtifactUploads.js';
import { MessageContextIndex1796400000000 } from './1796400000000-MessageContextIndex.js';
import { LocalizedContent1796400001000 } from './1796400001000-LocalizedContent.js';
import { ConversationAnalytics1796400002000 } from './1796400002000-ConversationAnalytics.js';
import { RagSemanticCache1796500000000 } from './1796500000000-RagSemanticCache.js';
import { MemoryItemEmbeddings1796600000000 } from './1796600000000-MemoryItemEmbeddings.js';
import { RagEmbeddingProfiles1796600001000 } from './1796600001000-RagEmbeddingProfiles.js';
import { AuditPseudonymise1796600002000 } from './1796600002000-AuditPseudonymise.js';
import { DataExports1796600003000 } from './1796600003000-DataExports.js';
import { DocumentsAndCharts1796610000000 } from './1796610000000-DocumentsAndCharts.js';
import { LeanMessageIndexes1796620000000 } from './1796620000000-LeanMessageIndexes.js';
import { LoginAttemptScope1796641937203 } from './1796641937203-LoginAttemptScope.js';

export const MIGRATIONS = [
  CreateSchemas1763800000000,
  QueuedJobs1795355388624,
  Identity1795356879432,
  MemoryItems1795497166061,
  Conversations1795497249148,
  Streams1795497645524,
  Collectives1795498003704,
  LoginAttemptBlocked1795502838496,
  RejectedSummaries1796230937932,
  RagKnowledgeBase1796282950198,
  FeatureFlagsAuditLog1796283429904,
  Artifacts1796283471789,
  ArtifactUploads1796285052128,
  MessageContextIndex1796400000000,
  LocalizedContent1796400001000,
  ConversationAnalytics1796400002000,
  RagSemanticCache1796500000000,
  MemoryItemEmbeddings1796600000000,
  RagEmbeddingProfiles1796600001000,
  AuditPseudonymise1796600002000,
  DataExports1796600003000,
  DocumentsAndCharts1796610000000,
  LeanMessageIndexes1796620000000,
  LoginAttemptScope1796641937203,
];
