/**
 * The mock HubSpot's deal pipelines (tests/mock-apis/hubspot-server.ts routes to it):
 * GET /crm/v3/pipelines/deals -> { results: [{ id, label, displayOrder, archived, createdAt,
 * updatedAt, stages: [{ id, label, displayOrder, metadata: { isClosed, probability }, ... }] }] }.
 */
import type { HsPipeline, HsStage, HubSpotRequest } from './hubspot-types';
import { CREATED } from './hubspot-objects';

/** HubSpot's default deal pipeline and its stages (ids and metadata as every portal has them). */
export function defaultPipeline(): HsPipeline {
  const stage = (id: string, label: string, probability: string, closed = false): HsStage => ({
    id,
    label,
    metadata: { isClosed: String(closed), probability },
  });
  return {
    id: 'default',
    label: 'Sales Pipeline',
    stages: [
      stage('appointmentscheduled', 'Appointment Scheduled', '0.2'),
      stage('qualifiedtobuy', 'Qualified To Buy', '0.4'),
      stage('presentationscheduled', 'Presentation Scheduled', '0.6'),
      stage('decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'),
      stage('contractsent', 'Contract Sent', '0.9'),
      stage('closedwon', 'Closed Won', '1.0', true),
      stage('closedlost', 'Closed Lost', '0.0', true),
    ],
  };
}

/** GET /crm/v3/pipelines/deals: the default pipeline unless the data has its own. */
export function answerPipelines({ req, url, mock, send }: HubSpotRequest): boolean {
  if (req.method === 'GET' && url.pathname === '/crm/v3/pipelines/deals') {
    const pipelines = mock.data.pipelines ?? [defaultPipeline()];
    return send(200, {
      results: pipelines.map((p, i) => ({
        id: p.id,
        label: p.label,
        displayOrder: i,
        archived: false,
        createdAt: CREATED,
        updatedAt: CREATED,
        stages: p.stages.map((st, j) => ({
          id: st.id,
          label: st.label,
          displayOrder: j,
          metadata: st.metadata,
          archived: false,
          createdAt: CREATED,
          updatedAt: CREATED,
          writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
        })),
      })),
    });
  }
  return false;
}
