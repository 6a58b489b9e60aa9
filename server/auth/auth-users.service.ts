import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { findBoundarySet, listBoundarySets } from '../boundary-sets/boundary-sets.repository.js';
import { findOperatorByCode, listOperators } from '../operators/operators.repository.js';
import {
  countActiveAdmins, deleteUserSessions, findAreaCodes, findToken, findUserById, findUserForLogin, insertToken, insertUser,
  listTokens, revokeToken, updateUser, type UserPatch, type UserRow,
} from './auth.repository.js';
import type { createUserBody, jurisdictionInput, patchUserBody } from './auth.schemas.js';
import { newSecret, sha256 } from './auth.service.js';
import type { Role } from './auth.tables.js';
import { generatePassword, hashPassword } from './password.js';

type Db = Kysely<DB>;
type Jurisdiction = z.output<typeof jurisdictionInput>;

async function resolveOperatorId(db: Db, code: string): Promise<number> {
  const op = await findOperatorByCode(db, code.trim());
  if (op) return op.id;
  const known = (await listOperators(db)).map((o) => o.code).join(', ');
  throw new AppError(400, 'invalid_parameter', `operator: unknown operator "${code}"; known: ${known}`, [{ path: 'operator', message: 'unknown operator' }]);
}

/** A jurisdiction must name areas that exist: a typo would otherwise hide everything silently. */
async function resolveJurisdiction(db: Db, j: Jurisdiction): Promise<{ setId: number; codes: string[] }> {
  const set = j.set !== undefined ? await findBoundarySet(db, String(j.set)) : (await listBoundarySets(db))[0];
  if (!set) throw new AppError(400, 'invalid_parameter', `jurisdiction.set: no boundary set "${j.set ?? '(default)'}"`, [{ path: 'jurisdiction.set', message: 'unknown set' }]);
  const codes = [...new Set(j.areas)];
  const found = new Set(await findAreaCodes(db, set.id, codes));
  const unknown = codes.filter((c) => !found.has(c));
  if (unknown.length) {
    throw new AppError(400, 'invalid_parameter', `jurisdiction.areas: not in set "${set.name}": ${unknown.slice(0, 10).join(', ')}`, [{ path: 'jurisdiction.areas', message: 'unknown area' }]);
  }
  return { setId: set.id, codes };
}

function checkRoleFields(role: Role, operatorId: number | null, hasJurisdiction: boolean) {
  if (role === 'operator' && operatorId === null) throw badRequest('operator: an operator account must name its operator', [{ path: 'operator', message: 'required for role operator' }]);
  if (role !== 'operator' && operatorId !== null) throw badRequest('operator: only operator accounts belong to an operator', [{ path: 'operator', message: 'only for role operator' }]);
  if (role !== 'inspector' && hasJurisdiction) throw badRequest('jurisdiction: only inspectors are limited to areas', [{ path: 'jurisdiction', message: 'only for role inspector' }]);
}

export async function createUser(db: Db, input: z.output<typeof createUserBody>): Promise<{ user: UserRow; password?: string }> {
  if (await findUserForLogin(db, input.username)) throw new AppError(409, 'username_taken', `The username "${input.username}" is taken`);
  const operatorId = input.operator !== undefined ? await resolveOperatorId(db, input.operator) : null;
  checkRoleFields(input.role, operatorId, input.jurisdiction !== undefined);
  const j = input.jurisdiction ? await resolveJurisdiction(db, input.jurisdiction) : null;
  const generated = input.password === undefined ? generatePassword() : undefined;
  const id = await insertUser(db, {
    username: input.username, displayName: input.displayName ?? input.username, role: input.role, operatorId,
    jurisdictionSetId: j?.setId ?? null, jurisdictionCodes: j?.codes ?? null,
    passwordHash: await hashPassword(input.password ?? generated!),
  });
  return { user: (await findUserById(db, id))!, ...(generated && { password: generated }) };
}

/** Changes an account; a new password or disabling signs it out everywhere. The last admin stays. */
export async function patchUser(db: Db, actor: UserRow, id: number, p: z.output<typeof patchUserBody>): Promise<UserRow> {
  const user = await findUserById(db, id);
  if (!user) throw notFound(`User ${id}`);
  const role = p.role ?? user.role;
  const operatorId = p.operator === undefined ? (role === 'operator' ? user.operatorId : null)
    : p.operator === null ? null : await resolveOperatorId(db, p.operator);
  const j = p.jurisdiction === undefined ? undefined : p.jurisdiction === null ? null : await resolveJurisdiction(db, p.jurisdiction);
  const keepsJurisdiction = j === undefined ? role === 'inspector' && user.jurisdictionSetId !== null : j !== null;
  checkRoleFields(role, operatorId, keepsJurisdiction);
  const losesAdmin = user.role === 'admin' && !user.disabled && (role !== 'admin' || p.disabled === true);
  if (losesAdmin && (await countActiveAdmins(db)) <= 1) throw new AppError(409, 'last_admin', 'This is the last active admin: make another admin first');
  if (actor.id === id && p.disabled === true) throw new AppError(409, 'self_disable', 'You cannot disable your own account');
  const patch: UserPatch = {
    displayName: p.displayName, role: p.role, operatorId, disabled: p.disabled,
    ...(j !== undefined ? { jurisdictionSetId: j?.setId ?? null, jurisdictionCodes: j?.codes ?? null } : !keepsJurisdiction ? { jurisdictionSetId: null, jurisdictionCodes: null } : {}),
    ...(p.password !== undefined && { passwordHash: await hashPassword(p.password) }),
  };
  await updateUser(db, id, patch);
  if (p.password !== undefined || p.disabled === true) await deleteUserSessions(db, id);
  return (await findUserById(db, id))!;
}

export async function resetPassword(db: Db, username: string, password = generatePassword()): Promise<string> {
  const user = await findUserForLogin(db, username);
  if (!user) throw notFound(`User "${username}"`);
  await updateUser(db, user.id, { passwordHash: await hashPassword(password) });
  await deleteUserSessions(db, user.id);
  return password;
}

/** A token is shown once, here; the database keeps its SHA-256 only. */
export async function createApiToken(db: Db, actor: UserRow, input: { name: string; userId?: number | undefined }) {
  const userId = input.userId ?? actor.id;
  if (userId !== actor.id && actor.role !== 'admin') throw new AppError(403, 'forbidden', 'Only an admin creates tokens for another user');
  if (!(await findUserById(db, userId))) throw notFound(`User ${userId}`);
  const token = `p5g_${newSecret()}`;
  const id = await insertToken(db, { tokenHash: sha256(token), name: input.name, userId, createdBy: actor.id });
  return { ...(await findToken(db, id))!, token };
}

export async function listApiTokens(db: Db, actor: UserRow) {
  return listTokens(db, actor.role === 'admin' ? undefined : actor.id);
}

/** Another user's token is "not found" to a non-admin: its existence is not theirs to learn. */
export async function revokeApiToken(db: Db, actor: UserRow, id: number) {
  const t = await findToken(db, id);
  if (!t || (t.userId !== actor.id && actor.role !== 'admin')) throw notFound(`Token ${id}`);
  await revokeToken(db, id);
  return (await findToken(db, id))!;
}

/**
 * First start: no active admin, so nobody could manage accounts. Creates `admin` with a random
 * password and says it once; the database keeps only its scrypt hash.
 */
export async function ensureFirstAdmin(db: Db, say: (msg: string) => void): Promise<void> {
  if ((await countActiveAdmins(db)) > 0) return;
  if (await findUserForLogin(db, 'admin')) {
    say('no active admin account: run `npm run cli -- users add <name> --role admin` to make one');
    return;
  }
  const { password } = await createUser(db, { username: 'admin', displayName: 'Administrator', role: 'admin' });
  say([
    'first start: created the admin account.',
    `    username: admin    password: ${password}`,
    '    This password is shown only now. Sign in at /login.html and change it, or run',
    '    `npm run cli -- users reset-password admin`.',
  ].join('\n'));
}
