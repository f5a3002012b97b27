/**
 * The register Fazhi ships with: the law versions and offence versions a new branch starts
 * from (seeded into the database, where administrators add versions; never overwritten).
 */
import type { LawRegister } from './check.ts';
import { ZHIAN_2012, ZHIAN_2012_OFFENCES } from './data/zhian-2012.ts';
import { ZHIAN_2012_MORE_OFFENCES, ZHIAN_2025, ZHIAN_2025_OFFENCES } from './data/zhian-2025.ts';

export const BUILT_IN_REGISTER: LawRegister = {
  laws: [ZHIAN_2012, ZHIAN_2025],
  offences: [...ZHIAN_2012_OFFENCES, ...ZHIAN_2012_MORE_OFFENCES, ...ZHIAN_2025_OFFENCES],
};
