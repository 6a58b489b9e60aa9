import { z } from 'zod';
import { idParam, wholeNumberParam } from '../http/params.schemas.js';

const nfc = (s: string) => s.normalize('NFC').trim();
/** Text that reaches the database: no control characters (PostgreSQL refuses NUL in text). */
const text = (max: number) => z.string().max(max).transform(nfc).pipe(z.string().regex(/^[^\u0000-\u001f\u007f]*$/, 'control characters are not allowed'));

/** Letters (any script, so Vietnamese names work), digits, dot, dash, underscore: safe in a log line and a URL. */
export const username = z.string().max(200).transform(nfc)
  .pipe(z.string().regex(/^[\p{L}\p{M}\p{N}._-]{2,64}$/u, 'username: 2–64 letters, digits, ".", "_" or "-"'));
const displayName = text(200).pipe(z.string().min(1));
export const password = z.string().min(10, 'password: at least 10 characters').max(1000);
export const roleParam = z.enum(['admin', 'planner', 'operator', 'inspector']);

export const loginBody = z.strictObject({
  username: text(200).pipe(z.string().min(1)),
  password: z.string().min(1).max(1000),
});

export const jurisdictionInput = z.strictObject({
  set: z.union([text(200), z.number().int().positive()]).optional().describe('Boundary set id or name; default: the default set'),
  areas: z.array(text(100)).min(1).max(5000).describe('Area codes of that set'),
});

export const createUserBody = z.strictObject({
  username,
  displayName: displayName.optional(),
  role: roleParam,
  operator: text(50).optional().describe('Operator code; required for role operator'),
  jurisdiction: jurisdictionInput.optional().describe('Inspectors only: the areas they may see stations of'),
  password: password.optional().describe('Omitted: one is generated and returned once'),
});

export const patchUserBody = z.strictObject({
  displayName: displayName.optional(),
  role: roleParam.optional(),
  operator: text(50).nullable().optional(),
  jurisdiction: jurisdictionInput.nullable().optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});

export const userIdParams = z.strictObject({ id: wholeNumberParam(1, 2_147_483_647) });
export const tokenIdParams = userIdParams;

export const createTokenBody = z.strictObject({
  name: text(100).pipe(z.string().min(1)),
  userId: z.number().int().positive().optional().describe('Admins only: create the token for another user'),
});

export const auditQuery = z.strictObject({
  before: idParam('an audit entry id').optional(),
  limit: wholeNumberParam(1, 500).default(100),
  action: text(50).optional(),
});

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleParam,
  operator: z.string().nullable(),
  jurisdiction: z.object({ setId: z.number().int(), areas: z.array(z.string()) }).nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});

export const meResponse = z.object({
  user: userView.nullable(),
  csrfToken: z.string().nullable().describe('Send it back as X-CSRF-Token on every non-GET request made with the session cookie'),
  publicRead: z.boolean(),
  via: z.enum(['session', 'token', 'anonymous']),
});
export const loginResponse = meResponse;
export const logoutResponse = z.object({ ok: z.literal(true) });
export const usersResponse = z.object({ users: z.array(userView) });
export const createdUserResponse = userView.extend({ password: z.string().optional().describe('Only when generated: shown once') });

export const tokenView = z.object({
  id: z.number().int(), name: z.string(), userId: z.number().int(), username: z.string(),
  createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
});
export const tokensResponse = z.object({ tokens: z.array(tokenView) });
export const createdTokenResponse = tokenView.extend({ token: z.string().describe('Shown once; send as Authorization: Bearer <token>') });

export const auditResponse = z.object({
  events: z.array(z.object({
    id: z.number().int(), at: z.string(), userId: z.number().int().nullable(), actor: z.string(), action: z.string(),
    outcome: z.enum(['success', 'failure', 'denied']), ip: z.string().nullable(), details: z.record(z.string(), z.unknown()),
  })),
  nextBefore: z.number().int().nullable(),
});

export const passwordBody = z.strictObject({ current: z.string().min(1).max(1000), password });
export const okResponse = z.object({ ok: z.literal(true) });
