// Uploads go through XMLHttpRequest because fetch still cannot report upload progress.
import type { FileRef } from '../../common/protocol';
import { errorFromResponse } from './http-api';
import type { UiError } from './ui-slice';

export type UploadResult = { ok: true; file: FileRef } | { ok: false; error: UiError } | { ok: false; cancelled: true };

export interface UploadRequest {
  url: string;
  token: string;
  file: File;
  onProgress: (loaded: number, total: number) => void;
}

export interface UploadHandle {
  done: Promise<UploadResult>;
  cancel: () => void;
}

export type Uploader = (request: UploadRequest) => UploadHandle;

export const xhrUploader: Uploader = ({ url, token, file, onProgress }) => {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResult>((resolve) => {
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    xhr.addEventListener('abort', () => resolve({ ok: false, cancelled: true }));
    xhr.addEventListener('error', () => resolve({ ok: false, error: { key: 'errors.upload_failed' } }));
    xhr.addEventListener('load', () => {
      if (xhr.status < 200) {
        resolve({ ok: false, error: { key: 'errors.upload_failed' } });
        return;
      }
      const response = new Response(xhr.responseText, { status: xhr.status });
      if (xhr.status === 201 || xhr.status === 200) {
        response
          .json()
          .then((body) => resolve({ ok: true, file: body as FileRef }))
          .catch(() => resolve({ ok: false, error: { key: 'errors.upload_failed' } }));
      } else {
        void errorFromResponse(response).then((error) => resolve({ ok: false, error }));
      }
    });
  });
  xhr.open('POST', url);
  xhr.setRequestHeader('authorization', `Bearer ${token}`);
  const form = new FormData();
  form.append('file', file, file.name);
  xhr.send(form);
  return { done, cancel: () => xhr.abort() };
};
