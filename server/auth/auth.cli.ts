import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError, describeZodError, notFound } from '../errors.js';
import { findUserForLogin, findUserById, listTokens, listUsers, updateUser } from './auth.repository.js';
import { createUserBody } from './auth.schemas.js';
import { createApiToken, createUser, resetPassword, revokeApiToken } from './auth-users.service.js';
import { deleteUserSessions } from './auth.repository.js';

export const AUTH_USAGE = `  users add <username> --role admin|planner|operator|inspector [--operator CODE]
      [--areas 883,884 [--set "<boundary set>"]] [--display-name "<name>"]   (prints a generated password once)
  users list
  users disable <username>
  users reset-password <username>        (prints a new generated password once; signs the user out)
  tokens create <username> --name "<what it is for>"   (prints the token once)
  tokens revoke <token id>`;

export interface AuthCliOptions {
  role?: string | undefined; operator?: string | undefined; areas?: string | undefined; set?: string | undefined;
  'display-name'?: string | undefined; name?: string | undefined;
}

async function userNamed(db: Kysely<DB>, username: string | undefined) {
  if (!username) throw new Error(`a username is needed\n\n${AUTH_USAGE}`);
  const found = await findUserForLogin(db, username);
  if (!found) throw notFound(`User "${username}"`);
  return (await findUserById(db, found.id))!;
}

/** `npm run cli -- users …` and `tokens …`: the same services as the API, run as the machine's operator. */
export async function runAuthCommand(db: Kysely<DB>, group: string, command: string | undefined, arg: string | undefined, o: AuthCliOptions): Promise<void> {
  const say = (s: string) => console.log(s);
  if (group === 'users' && command === 'add') {
    const parsed = createUserBody.safeParse({
      username: arg ?? '', role: o.role, operator: o.operator, displayName: o['display-name'],
      jurisdiction: o.areas ? { set: o.set, areas: o.areas.split(',').map((s) => s.trim()).filter(Boolean) } : undefined,
    });
    if (!parsed.success) throw new Error(describeZodError(parsed.error).message);
    const input = parsed.data;
    const { user, password } = await createUser(db, input);
    say(`created ${user.role} "${user.username}" (id ${user.id})${user.operatorCode ? ` for ${user.operatorCode}` : ''}`);
    if (password) say(`password (shown once): ${password}`);
  } else if (group === 'users' && command === 'list') {
    for (const u of await listUsers(db)) {
      const scope = u.operatorCode ?? (u.jurisdictionCodes ? `areas ${u.jurisdictionCodes.join(',')} of set ${u.jurisdictionSetId}` : '');
      say([u.id, u.username, u.role, scope, u.disabled ? 'DISABLED' : 'active', u.displayName].join('\t'));
    }
  } else if (group === 'users' && command === 'disable') {
    const user = await userNamed(db, arg);
    await updateUser(db, user.id, { disabled: true });
    await deleteUserSessions(db, user.id);
    say(`disabled "${user.username}" and ended their sessions`);
  } else if (group === 'users' && command === 'reset-password') {
    const user = await userNamed(db, arg);
    say(`new password for "${user.username}" (shown once): ${await resetPassword(db, user.username)}`);
  } else if (group === 'tokens' && command === 'create') {
    const user = await userNamed(db, arg);
    if (!o.name) throw new Error('tokens create needs --name "<what it is for>"');
    const t = await createApiToken(db, user, { name: o.name });
    say(`token ${t.id} for "${user.username}" (shown once; send as Authorization: Bearer):\n${t.token}`);
  } else if (group === 'tokens' && command === 'revoke') {
    const id = Number(arg);
    const t = Number.isInteger(id) ? (await listTokens(db)).find((x) => x.id === id) : undefined;
    if (!t) throw notFound(`Token ${arg ?? ''}`);
    const owner = (await findUserById(db, t.userId))!;
    await revokeApiToken(db, owner, id);
    say(`revoked token ${id} ("${t.name}" of ${t.username})`);
  } else {
    throw new AppError(400, 'bad_request', `unknown command "${[group, command].filter(Boolean).join(' ')}"\n\n${AUTH_USAGE}`);
  }
}
