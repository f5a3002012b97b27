import { casesModule } from '../modules/cases/index.tsx';
import { checksModule } from '../modules/checks/index.tsx';
import { dashboardModule } from '../modules/dashboard/index.tsx';
import { evaluationModule } from '../modules/evaluation/index.tsx';
import { incidentsModule } from '../modules/incidents/index.tsx';
import { lawModule } from '../modules/law/index.tsx';
import { platformModule } from '../modules/platform/index.tsx';
import { publicityModule } from '../modules/publicity/index.tsx';
import { reportsModule } from '../modules/reports/index.tsx';
import { statisticsModule } from '../modules/statistics/index.tsx';
import { submissionsModule } from '../modules/submissions/index.tsx';
import { supervisionModule } from '../modules/supervision/index.tsx';
import type { AppModule, MenuGroup } from './module.ts';

/** Every module of the web app; a new module adds itself here. */
export const MODULES: AppModule[] = [
  platformModule,
  incidentsModule,
  casesModule,
  lawModule,
  publicityModule,
  dashboardModule,
  supervisionModule,
  checksModule,
  evaluationModule,
  reportsModule,
  submissionsModule,
  statisticsModule,
];

/** Groups every module may put entries in; modules declare further groups themselves. */
const CORE_GROUPS: MenuGroup[] = [
  { key: 'workbench', label: 'nav.workbench', order: 0 },
  { key: 'system', label: 'nav.system', order: 900 },
  { key: 'audit', label: 'nav.audit', order: 950 },
];

export const MENU_GROUPS: MenuGroup[] = [...CORE_GROUPS, ...MODULES.flatMap((m) => m.groups ?? [])].sort(
  (a, b) => a.order - b.order,
);

export const ROUTES = MODULES.flatMap((m) => m.routes);
