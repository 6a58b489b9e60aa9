import type { Route } from '../openapi/openapi.js';
import {
  auditQuery, auditResponse, createdTokenResponse, createdUserResponse, createTokenBody, createUserBody, loginBody,
  loginResponse, logoutResponse, meResponse, okResponse, passwordBody, patchUserBody, tokenIdParams, tokensResponse,
  tokenView, userIdParams, usersResponse, userView,
} from './auth.schemas.js';

/** The account routes for server/openapi/openapi.ts's ROUTES; who may call each is in policy.ts. */
export const AUTH_ROUTES: Route[] = [
  { path: '/api/auth/login', method: 'post', body: loginBody, response: loginResponse,
    summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token for later writes',
    errors: { 401: 'Wrong username or password, or the account is disabled', 429: 'Too many failed attempts for this username from this address (Retry-After)' } },
  { path: '/api/auth/logout', method: 'post', response: logoutResponse, summary: 'Sign out: ends the session and clears the cookie' },
  { path: '/api/auth/me', response: meResponse, summary: 'Who is signed in (null when nobody), the CSRF token and whether anonymous reading is on' },
  { path: '/api/auth/password', method: 'post', body: passwordBody, response: okResponse, summary: 'Change your own password (signs out every session)' },
  { path: '/api/auth/tokens', response: tokensResponse, summary: 'Your API tokens (an admin: everyone\'s), never their secret' },
  { path: '/api/auth/tokens', method: 'post', body: createTokenBody, response: createdTokenResponse, status: 201,
    summary: 'Create an API token (201); the token is shown once: send it as Authorization: Bearer' },
  { path: '/api/auth/tokens/{id}', method: 'delete', params: tokenIdParams, response: tokenView, summary: 'Revoke an API token' },
  { path: '/api/admin/users', response: usersResponse, summary: 'Accounts (admin)' },
  { path: '/api/admin/users', method: 'post', body: createUserBody, response: createdUserResponse, status: 201,
    summary: 'Create an account (admin, 201); a generated password is returned once', errors: { 409: 'The username is taken' } },
  { path: '/api/admin/users/{id}', method: 'patch', params: userIdParams, body: patchUserBody, response: userView,
    summary: 'Change an account: role, operator, jurisdiction, password, disabled (admin)', errors: { 409: 'It would leave no active admin' } },
  { path: '/api/audit', query: auditQuery, response: auditResponse, summary: 'The access audit trail, newest first: sign-ins, failures, refusals, account changes' },
];
