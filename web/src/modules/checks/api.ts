import type { CameraBulletinResponse, SupervisionSettings } from '@fazhi/common';
import type { QueryKey } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { todayCst } from '../../app/ui/format.ts';

/** Lists are keyed by their own names (see useList); details and the bulletin start with 'checks'. */
export const CAMERA_LIST = 'checks.camera';
export const CALLBACK_LIST = 'checks.callbacks';
export const CHECKS_KEY = ['checks'] as const;
/** What a recorded check or call may make stale. */
export const CAMERA_KEYS: QueryKey[] = [[CAMERA_LIST], CHECKS_KEY];
export const CALLBACK_KEYS: QueryKey[] = [[CALLBACK_LIST], CHECKS_KEY];

export const CAMERA_PATH = '/api/supervision/camera-checks';
export const CALLBACK_PATH = '/api/supervision/callbacks';
export const SETTINGS_PATH = '/api/supervision/settings';

/** The day before a YYYY-MM-DD. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The incidents' day the morning's checks are about: yesterday, China time. */
export const yesterdayCst = () => dayBefore(todayCst());

export function useBulletin(day: string) {
  return useQuery({
    queryKey: [...CHECKS_KEY, 'bulletin', day],
    queryFn: () => api.get<CameraBulletinResponse>(`${CAMERA_PATH}/bulletin`, { day }),
  });
}

export function useSupervisionSettings() {
  return useQuery({
    queryKey: [...CHECKS_KEY, 'settings'],
    queryFn: () => api.get<SupervisionSettings>(SETTINGS_PATH),
  });
}

export const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
