import type { UnitResponse } from '@fazhi/common';
import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUnitTree, type UnitNode, useUnits } from './use-units.ts';

interface TreeOption {
  value: number;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

const toOptions = (
  nodes: UnitNode[],
  disable: (u: UnitResponse) => boolean,
  inactive: string,
): TreeOption[] =>
  nodes.map((n) => ({
    value: n.id,
    title: n.active ? n.name : `${n.name}（${inactive}）`,
    disabled: disable(n),
    children: n.children && toOptions(n.children, disable, inactive),
  }));

interface UnitTreeSelectProps {
  id?: string;
  value?: number | null;
  onChange?: (v: number | undefined) => void;
  /** Units that cannot be chosen (inactive ones, a unit's own subtree). */
  disable?: (u: UnitResponse) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
}

/** Picks a unit from the tree, searchable by name. Works as an antd Form control. */
const never = () => false;

export function UnitTreeSelect({ disable = never, placeholder, ...rest }: UnitTreeSelectProps) {
  const { t } = useTranslation();
  const units = useUnits();
  const inactive = t('common.inactive');
  const treeData = useMemo(
    () => toOptions(buildUnitTree(units.data ?? []), disable, inactive),
    [units.data, disable, inactive],
  );
  const firstLevel = useMemo(() => treeData.map((n) => n.value), [treeData]);
  return (
    <TreeSelect<number>
      {...rest}
      value={rest.value ?? undefined}
      treeData={treeData}
      loading={units.isPending}
      placeholder={placeholder ?? t('units.pick')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={firstLevel}
      popupMatchSelectWidth={false}
    />
  );
}
