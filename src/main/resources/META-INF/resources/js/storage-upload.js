// The PUT of a file straight to storage (S3) through the presigned request the API returned, with upload
// progress. XMLHttpRequest, because fetch() reports no upload progress.

import { ApiError } from './api.js';

/**
 * Sends `file` exactly as `upload` says: its method, URL and every header (the browser adds the
 * Content-Length, which the URL signs).
 *
 * @param {{method: string, url: string, headers: Object<string, string>}} upload from POST /v1/uploads
 * @param {File} file
 * @param {(fraction: number) => void} onProgress 0..1, from the browser's upload progress events
 * @returns {Promise<void>} resolves on a 2xx answer; rejects with ApiError "upload-failed" or "network"
 */
export function putFile(upload, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers || {})) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else reject(new ApiError(xhr.status, { code: 'upload-failed', detail: storageError(xhr) }));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { code: 'network' })));
    xhr.addEventListener('abort', () => reject(new ApiError(0, { code: 'network' })));
    xhr.send(file);
  });
}

/** "storage answered 403: Request has expired", from S3's XML error body where it is readable. */
function storageError(xhr) {
  const message = xhr.responseXML?.querySelector('Error > Message')?.textContent
    || xhr.responseXML?.querySelector('Error > Code')?.textContent;
  return `storage answered ${xhr.status}${message ? `: ${message}` : ''}`;
}
