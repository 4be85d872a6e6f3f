// The one file upload in progress (one at a time keeps the UI and cancellation simple).
export interface UploadProgress {
  roomId: string;
  name: string;
  size: number;
  loaded: number;
}

export interface UploadsState {
  upload: UploadProgress | null;
}

export const initialUploadsState: UploadsState = { upload: null };
