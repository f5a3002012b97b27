import { OkResponse } from '@fazhi/common';
import type { App } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { idParam } from '../platform/routes/helpers.ts';
import { acknowledgeMove } from './moves.service.ts';

export function registerClockRoutes(app: App) {
  app.openapi(
    defineRoute('signed-in', {
      method: 'post',
      path: '/api/clock-moves/{id}/acknowledge',
      tags: ['Statutory clocks'],
      summary: 'Acknowledge a due date moved by a holiday notice (its owner only; 404 otherwise)',
      request: { params: idParam },
      response: OkResponse,
    }),
    async (c) => {
      await acknowledgeMove(c.get('ctx'), c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );
}
