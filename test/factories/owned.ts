import type { INestApplication } from '@nestjs/common';
import { addMember, createCollective, createInvitation, linkChild } from './collectives.js';
import { createConversation } from './conversations.js';
import type { TestUser } from './identity.js';
import { createArtifact, createArtifactUpload } from './artifacts.js';
import { createDataExport } from './data-exports.js';
import { createChart, createDocument, createSuggestion } from './documents.js';
import { createCompletedStream, createSummaryJob } from './streams.js';

/**
 * How to make a resource of each kind that routes declare with @Access(kind, param),
 * owned by `owner` (a FULL session). The S1 matrix calls every such route as
 * another user with the id this returns; a route naming a kind missing here
 * fails the matrix, so a new kind must teach it how to create one. Routes under
 * a resource name more path parameters (a member of a collective): such a kind
 * returns them all by name, so that the owner's call reaches something real.
 */
export const OWNED_FACTORIES: Record<
  string,
  (app: INestApplication, owner: TestUser) => Promise<string | Record<string, string>>
> = {
  session: async (_app, owner) => owner.tokens.session.id,
  conversation: (app, owner) => createConversation(app, owner),
  stream: (app, owner) => createCompletedStream(app, owner),
  'summary-job': (app, owner) => createSummaryJob(app, owner),
  collective: async (app, owner) => {
    const id = await createCollective(app, owner);
    return {
      id,
      user_id: (await addMember(app, owner, id)).id,
      invitation_id: (await createInvitation(app, owner, id)).id,
    };
  },
  child: async (app, owner) => (await linkChild(app, owner)).id,
  artifact: (app, owner) => createArtifact(app, owner),
  'artifact-upload': (app, owner) => createArtifactUpload(app, owner),
  'data-export': (app, owner) => createDataExport(app, owner),
  document: (app, owner) => createDocument(app, owner),
  suggestion: (app, owner) => createSuggestion(app, owner),
  chart: (app, owner) => createChart(app, owner),
};
