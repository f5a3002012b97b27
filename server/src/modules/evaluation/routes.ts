import type { App, AppDeps } from '../../http/app.ts';

/** 执法质量考评: rubric, quarterly rounds, scores and disputes, rankings, awards, self-inspection. */
export function registerEvaluationRoutes(_app: App, _deps: AppDeps) {}
