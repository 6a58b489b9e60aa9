/** The upload page's only network calls (XMLHttpRequest for the upload: it reports upload progress). */

export interface UploadView {
  id: number; operator: string; mode: string; fileName: string; state: 'previewed' | 'committed' | 'rolled_back';
  rows: number; uploadedBy: string; createdAt: string;
  counts: { create: number; update: number; unchanged: number; decommission: number; errorRows: number; warnings: number };
}
export interface Issue { row: number | null; severity: 'error' | 'warning'; code: string; field: string | null; message: string; value: string | null }

async function json<T>(res: Response): Promise<T> {
  const body = await res.json();
  if (!res.ok) throw new Error(body?.error?.message ?? res.statusText);
  return body as T;
}

export function sendUpload(form: FormData, onProgress: (share: number | null) => void): Promise<UploadView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/uploads');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded / e.total : null);
    // Bytes all sent: the server now checks the file; an indeterminate bar says so.
    xhr.upload.onload = () => onProgress(null);
    xhr.onload = () => (xhr.status < 300 ? resolve(xhr.response as UploadView) : reject(new Error(xhr.response?.error?.message ?? `HTTP ${xhr.status}`)));
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(form);
  });
}

export const fetchIssues = (id: number, page: number, severity: string) =>
  fetch(`/api/uploads/${id}/errors?page=${page}&pageSize=50${severity ? `&severity=${severity}` : ''}`).then((r) => json<{ total: number; issues: Issue[] }>(r));

export const fetchHistory = () => fetch('/api/uploads?limit=50').then((r) => json<{ uploads: UploadView[] }>(r));

export const postAction = (id: number, action: 'commit' | 'rollback', by: string) =>
  fetch(`/api/uploads/${id}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(by ? { by } : {}) }).then((r) => json<UploadView>(r));
