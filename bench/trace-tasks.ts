/**
 * The main-thread tasks of one page in a Chromium trace (categories "toplevel,blink.user_timing"),
 * with each task's wall time and its thread (CPU) time. On a loaded machine the two differ by a
 * factor of ten or more: a task of 2 ms CPU that waits for a core shows as a 200 ms long task.
 * The page is found by its own performance marks (named `${prefix}…`), which the trace records on
 * the page's main thread; the phases lie between consecutive marks.
 */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  cat?: string;
}

export interface TraceTask {
  /** Microseconds on the trace's clock. */
  ts: number;
  wallMs: number;
  cpuMs: number;
}

export interface PhaseTasks {
  /** The mark that starts the phase (its name without the prefix). */
  from: string;
  to: string;
  tasks: TraceTask[];
  /** The task of the longest wall time, and the task of the most CPU time. */
  longestWall?: TraceTask;
  longestCpu?: TraceTask;
  /** All the page's main-thread CPU time in the phase. */
  cpuMs: number;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The tasks of the thread that made the marks, split into the phases between the marks (in time order). */
export function phaseTasks(events: TraceEvent[], prefix: string): PhaseTasks[] {
  const marks = events
    .filter((e) => e.name.startsWith(prefix) && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b'))
    .sort((a, b) => a.ts - b.ts);
  const first = marks[0];
  if (!first) return [];
  const main = events
    .filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && e.pid === first.pid && e.tid === first.tid)
    .map((e) => ({ ts: e.ts, wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }))
    .sort((a, b) => a.ts - b.ts);
  // A task that nests another (a nested run loop) counts once, as the outer one.
  const outer: TraceTask[] = [];
  for (const t of main) {
    const last = outer[outer.length - 1];
    if (last && t.ts < last.ts + last.wallMs * 1000) continue;
    outer.push(t);
  }
  const phases: PhaseTasks[] = [];
  for (let i = 0; i + 1 < marks.length; i++) {
    const from = marks[i]!;
    const to = marks[i + 1]!;
    const tasks = outer.filter((t) => t.ts >= from.ts && t.ts < to.ts);
    const pick = (key: 'wallMs' | 'cpuMs') =>
      tasks.reduce<TraceTask | undefined>((best, t) => (!best || t[key] > best[key] ? t : best), undefined);
    phases.push({
      from: from.name.slice(prefix.length),
      to: to.name.slice(prefix.length),
      tasks,
      longestWall: pick('wallMs'),
      longestCpu: pick('cpuMs'),
      cpuMs: tasks.reduce((s, t) => s + t.cpuMs, 0),
    });
  }
  return phases;
}
