/**
 * Progress of the demo load. The first start of an empty embedded database loads the whole demo
 * branch (a minute or more on a small machine): the console says what it is doing and how far it
 * is, instead of staying silent. Tests pass nothing and hear nothing.
 */

/** A step, and for steps that write rows, how many of how many are written. */
export type SeedProgress = (step: string, done?: number, total?: number) => void;

export const silentProgress: SeedProgress = () => {};

/**
 * Console lines, throttled: a step without a count when it starts; a counted step when it is
 * complete, and in between at most one line every `everyMs` (a long table shows it moving).
 */
export function consoleProgress(
  log: (line: string) => void = console.log,
  { everyMs = 2000, clock = () => performance.now() }: { everyMs?: number; clock?: () => number } = {},
): SeedProgress {
  const started = clock();
  let lastLine = started;
  return (step, done, total) => {
    const now = clock();
    const counted = total !== undefined;
    const complete = counted && done === total;
    if (counted && !complete && now - lastLine < everyMs) return;
    lastLine = now;
    const seconds = Math.round((now - started) / 1000);
    const count = counted ? ` ${done}/${total}` : '';
    log(`载入示例数据 loading the demo (${seconds} s) … ${step}${count}`);
  };
}
