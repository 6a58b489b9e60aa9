import { AppError } from '../errors.js';
import type { Viewer } from './auth.service.js';

/** The part of a station filter that an account's scope narrows (stations.repository.ts StationFilter). */
interface ScopedFilter {
  setId: number;
  areaCodes?: readonly string[] | undefined;
  operatorIds?: readonly number[] | undefined;
}

const refuse = (message: string) => new AppError(403, 'forbidden', message);

/**
 * The boundary set a station query runs on when it names none: an inspector limited to areas
 * works in the set their jurisdiction is defined in.
 */
export function defaultSetKeyFor(viewer: Viewer): string | undefined {
  const id = viewer.user?.jurisdictionSetId;
  return id !== null && id !== undefined ? String(id) : undefined;
}

/**
 * Narrows a station filter to what the viewer may see: an operator account to its own
 * operator's stations, an inspector with a jurisdiction to the stations inside those areas
 * (of the set they are defined in; stations outside every area are outside it too). Asking
 * explicitly for more is refused rather than silently emptied, so an export never looks
 * complete when it is not.
 */
export function restrictStationFilter<F extends ScopedFilter>(filter: F, viewer: Viewer): F {
  const user = viewer.user;
  if (!user) return filter;
  let f = filter;
  if (user.role === 'operator') {
    if (user.operatorId === null) throw refuse('This operator account is not bound to an operator');
    if (f.operatorIds?.length && f.operatorIds.some((id) => id !== user.operatorId)) {
      throw refuse(`An operator account sees its own operator's stations only (${user.operatorCode ?? ''}). / Tài khoản nhà mạng chỉ xem được trạm của nhà mạng mình.`);
    }
    f = { ...f, operatorIds: [user.operatorId] };
  }
  if (user.jurisdictionCodes) {
    const allowed = new Set(user.jurisdictionCodes);
    if (f.setId !== user.jurisdictionSetId) {
      throw refuse(`Your account is limited to areas of boundary set ${user.jurisdictionSetId ?? '?'}: ask for that set. / Tài khoản chỉ xem được địa bàn thuộc bộ ranh giới ${user.jurisdictionSetId ?? '?'}.`);
    }
    const outside = (f.areaCodes ?? []).filter((c) => !allowed.has(c));
    if (outside.length) {
      throw refuse(`Outside your jurisdiction: ${outside.slice(0, 10).join(', ')}. / Ngoài địa bàn được giao: ${outside.slice(0, 10).join(', ')}.`);
    }
    // An empty list would mean "every area" to the repository: never let it through.
    const codes = f.areaCodes?.length ? f.areaCodes : [...allowed];
    if (!codes.length) throw refuse('Your jurisdiction holds no area');
    f = { ...f, areaCodes: codes };
  }
  return f;
}

/** An operator account acts on its own operator's data only (uploads: preview, commit, rollback, reading). */
export function assertOwnOperator(viewer: Viewer, operatorId: number): void {
  const user = viewer.user;
  if (user?.role === 'operator' && user.operatorId !== operatorId) {
    // Say what the account may do rather than what it tried: the caller may be uploading, not opening an upload.
    const own = user.operatorCode ?? '?';
    throw refuse(`Your account works with ${own}'s stations only: other operators' uploads are not open to it. / Tài khoản của bạn chỉ làm việc với dữ liệu trạm của ${own}: không mở được các lần tải của nhà mạng khác.`);
  }
}

/** The operator whose uploads a history listing shows: an operator account's own, whatever it asked. */
export function scopeUploadList(viewer: Viewer, requestedOperatorId: number | undefined): number | undefined {
  const user = viewer.user;
  if (user?.role !== 'operator') return requestedOperatorId;
  if (requestedOperatorId !== undefined) assertOwnOperator(viewer, requestedOperatorId);
  return user.operatorId ?? -1;
}
