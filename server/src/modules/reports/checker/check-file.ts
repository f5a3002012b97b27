/**
 * Checking a report file (.docx or .txt) for inconsistencies: the I/O around the pure checker of
 * @fazhi/common, for the CLI (`fazhi report check FILE`) and for uploads.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type CheckFinding, type CheckOptions, checkReport } from '@fazhi/common';
import { extractText } from './extract-text.ts';

export async function readReportText(path: string): Promise<string> {
  const bytes = await readFile(path);
  return extractText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), basename(path));
}

export async function checkFile(path: string, options: CheckOptions = {}): Promise<CheckFinding[]> {
  return checkReport(await readReportText(path), options);
}
