import { describe, expect, it } from 'vitest';
import { consoleProgress } from './progress.ts';

describe('the demo load on the console', () => {
  it('names each step, shows a long table moving at most every 2 s, and its final count', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = consoleProgress((l) => lines.push(l), { clock: () => now });
    progress('units and officers');
    now = 1500;
    progress('incidents', 1000, 45_000); // too soon after the last line
    now = 2600;
    progress('incidents', 2000, 45_000);
    for (let done = 3000; done < 45_000; done += 1000) {
      now += 100;
      progress('incidents', done, 45_000);
    }
    now += 100;
    progress('incidents', 45_000, 45_000);
    now += 10;
    progress('cases', 3000, 3000);
    expect(lines).toEqual([
      '载入示例数据 loading the demo (0 s) … units and officers',
      '载入示例数据 loading the demo (3 s) … incidents 2000/45000',
      '载入示例数据 loading the demo (5 s) … incidents 22000/45000',
      '载入示例数据 loading the demo (7 s) … incidents 42000/45000',
      '载入示例数据 loading the demo (7 s) … incidents 45000/45000',
      '载入示例数据 loading the demo (7 s) … cases 3000/3000',
    ]);
  });
});
