import { describe, expect, it } from 'vitest';
import { chinaDayStart, chinaYear, formatIncidentNo, parseChinaTime } from './incident-time.ts';

describe('incident times', () => {
  it('reads the ways 110 exports write a time, as China Standard Time unless zoned', () => {
    const at = '2021-03-04T00:30:00.000Z';
    for (const text of [
      '2021-03-04 08:30',
      '2021-03-04 08:30:00',
      '2021/3/4 8:30:00',
      '2021.03.04 08:30',
      '2021-03-04T08:30:00.000',
      '2021年3月4日 8时30分',
      '20210304083000',
      '202103040830',
      '2021-03-04T08:30:00+08:00',
      '2021-03-04T00:30:00Z',
    ])
      expect(parseChinaTime(text)?.toISOString(), text).toBe(at);
  });

  it('refuses dates that do not exist and times without a time of day', () => {
    for (const text of [
      '2021-02-30 08:00',
      '2021-13-01 08:00',
      '2021-03-04 24:00',
      '2021-03-04',
      'yesterday',
      '',
    ])
      expect(parseChinaTime(text), text).toBeNull();
  });

  it('numbers by the China year and starts days at China midnight', () => {
    expect(chinaYear(new Date('2021-12-31T16:00:00Z'))).toBe(2022);
    expect(chinaYear(new Date('2021-12-31T15:59:59Z'))).toBe(2021);
    expect(chinaDayStart('2021-05-01').toISOString()).toBe('2021-04-30T16:00:00.000Z');
    expect(formatIncidentNo(2021, 123)).toBe('J2021000123');
  });
});
