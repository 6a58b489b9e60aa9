import type { Route } from '../openapi/openapi.js';
import {
  coverageQuery, coverageResponse, recommendationsQuery, recommendationsResponse, scenarioBodyDoc, scenarioParams, scenarioQuery,
  scenarioResponse, scenarioSchema, scenariosResponse, timelineQuery, timelineResponse, whatIfBody, whatIfResponse,
} from './planner.schemas.js';

/** The planner's routes for the OpenAPI document (server/openapi/openapi.ts spreads them into ROUTES). */
export const PLANNER_ROUTES: Route[] = [
  { path: '/api/planner/recommendations', summary: 'Which 4G sites to upgrade to 5G, ranked per area by the modelled 5G ground each adds; JSON, CSV or XLSX work list', query: recommendationsQuery, response: recommendationsResponse, csv: true },
  { path: '/api/planner/coverage', summary: 'Modelled 4G or 5G coverage per area (union of discs by environment class): shares of land and population, GeoJSON', query: coverageQuery, response: coverageResponse },
  { path: '/api/planner/timeline', summary: 'The ratio at month ends against the milestones, the 90-day run rate, projected date and status, per area and operator', query: timelineQuery, response: timelineResponse },
  { path: '/api/planner/what-if', method: 'post', summary: 'New figures for a different target or operators upgrading their top N picks; nothing is saved', body: whatIfBody, response: whatIfResponse },
  { path: '/api/planner/scenarios', summary: 'Saved what-if scenarios, newest first', response: scenariosResponse },
  { path: '/api/planner/scenarios', method: 'post', summary: 'Save a what-if scenario (201)', body: scenarioBodyDoc, response: scenarioSchema, status: 201 },
  { path: '/api/planner/scenarios/{id}', summary: 'Reopen a scenario: its parameters and its figures recomputed on today\'s data', params: scenarioParams, query: scenarioQuery, response: scenarioResponse },
];
