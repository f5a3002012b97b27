import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_EVIDENCE_UPLOAD_MB, type UploadSettings } from '../config.ts';

/** The app's upload settings, or for an app built without them (tests) the system's temp folder. */
export const uploadSettings = (deps: { uploads?: UploadSettings | undefined }): UploadSettings =>
  deps.uploads ?? {
    tmpDir: path.join(tmpdir(), 'fazhi-uploads'),
    evidenceLimit: DEFAULT_EVIDENCE_UPLOAD_MB * 1024 * 1024,
  };
