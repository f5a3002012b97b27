import type { UnitResponse } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

export const UNITS_KEY = ['units'] as const;

export function useUnits(enabled = true) {
  return useQuery({
    queryKey: UNITS_KEY,
    queryFn: () => api.get<{ items: UnitResponse[] }>('/api/units'),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export interface UnitNode extends UnitResponse {
  children?: UnitNode[];
}

/** The server sends the units flat, with parentId; the tree is built here, siblings by code. */
export function buildUnitTree(units: UnitResponse[]): UnitNode[] {
  const byId = new Map<number, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  const sort = (nodes: UnitNode[]) => {
    nodes.sort((a, b) => a.code.localeCompare(b.code));
    for (const n of nodes) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Nodes that match, with their ancestors so that they stay in place. */
export function filterTree(nodes: UnitNode[], match: (u: UnitNode) => boolean): UnitNode[] {
  return nodes.flatMap((n) => {
    const children = n.children ? filterTree(n.children, match) : [];
    if (match(n) || children.length) return [{ ...n, children: children.length ? children : undefined }];
    return [];
  });
}

/** A unit's id and every id below it. */
export function subtreeIds(units: UnitResponse[], id: number): Set<number> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units)
      if (u.parentId !== null && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
  }
  return ids;
}
