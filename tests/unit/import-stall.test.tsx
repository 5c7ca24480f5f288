// The options page during a big import (issue 19): progress reported as often as a person can
// see it, a file's review drawn in short tasks and not again for every progress report, and the
// bench's reading of a Chromium trace (wall and CPU time of the page's main-thread tasks).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { throttleProgress } from '@/entrypoints/options/progress';
import { StableReview } from '@/entrypoints/options/ImportCard';
import type { ParseSummary } from '@/entrypoints/options/import-files';
import { phaseTasks, type TraceEvent } from '../../bench/trace-tasks';
import { stallRow } from '../../bench/targets';
import type { ImportStall } from '../../bench/import-stall';

describe('throttleProgress', () => {
  it('passes the first report, at most one per interval after it, and always the last', () => {
    let now = 0;
    const seen: [number, number][] = [];
    const report = throttleProgress(
      (d, t) => seen.push([d, t]),
      200,
      () => now,
    );
    for (let done = 0; done < 100; done += 5) {
      report(done, 100);
      now += 30;
    }
    report(100, 100);
    // 20 reports over 600 ms: the first, one per 200 ms (every 7th report), and the last.
    expect(seen).toEqual([
      [0, 100],
      [35, 100],
      [70, 100],
      [100, 100],
    ]);
  });
});

const summary = (file: string, extra: Partial<ParseSummary> = {}): ParseSummary => ({
  file,
  source: 'csv',
  kind: 'account',
  preset: 'generic',
  format: 'csv',
  headers: ['id', 'name'],
  mapping: { id: 0, name: 1 },
  ignored: [],
  preview: [
    {
      id: 'csv:a1',
      source: 'csv',
      sourceId: 'a1',
      name: 'Harbourside Dental',
      aliases: [],
      domains: [],
      externalIds: {},
    } as unknown as ParseSummary['preview'][number],
  ],
  rows: [{ line: 2 }] as unknown as ParseSummary['rows'],
  textNoteCount: 0,
  userCount: 0,
  contactRoleCount: 0,
  errors: [],
  errorCount: 0,
  warnings: [],
  rowCount: 1,
  ...extra,
});

describe("a file's review", () => {
  it('is drawn again when its file or the plan changes, not when the card draws progress', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const parsed = summary('accounts.csv');
    const onChange = vi.fn();
    act(() => render(<StableReview parsed={parsed} plan={undefined} onChange={onChange} />, root));
    const first = root.querySelector('[data-testid=import-file]');
    expect(first).not.toBeNull();
    first!.setAttribute('data-seen', '1');
    const update = vi.spyOn(StableReview.prototype, 'render');
    act(() => render(<StableReview parsed={parsed} plan={undefined} onChange={() => undefined} />, root));
    expect(update).not.toHaveBeenCalled();
    const plan = { createdAccounts: new Map([['accounts.csv', 3]]), errors: [], errorCount: 0 };
    act(() => render(<StableReview parsed={parsed} plan={plan as never} onChange={onChange} />, root));
    expect(update).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-testid=import-creates]')?.textContent).toContain('3');
    update.mockRestore();
    root.remove();
  });

  it('draws the column selects only while the list is open, and the preview in a later task', async () => {
    vi.useFakeTimers();
    try {
      const root = document.createElement('div');
      document.body.append(root);
      const onChange = vi.fn();
      act(() => render(<StableReview parsed={summary('accounts.csv')} plan={undefined} onChange={onChange} />, root));
      // Nothing is missing, so the list starts closed and holds no select.
      const details = root.querySelector('details')!;
      expect(details.open).toBe(false);
      expect(root.querySelectorAll('.mapping select')).toHaveLength(0);
      // The preview comes a task later.
      expect(root.querySelector('table')).toBeNull();
      await act(async () => {
        vi.runAllTimers();
      });
      expect(root.querySelector('table')?.textContent).toContain('Harbourside Dental');
      // Opened: every field gets its select, and a choice reaches onChange.
      await act(async () => {
        details.open = true;
        details.dispatchEvent(new Event('toggle'));
      });
      const selects = root.querySelectorAll<HTMLSelectElement>('.mapping select');
      expect(selects.length).toBeGreaterThan(5);
      await act(async () => {
        selects[1]!.value = '-1';
        selects[1]!.dispatchEvent(new Event('change', { bubbles: true }));
      });
      expect(onChange).toHaveBeenCalledWith({ kind: 'account', mapping: { id: 0 } });
      root.remove();
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts with the column list open when a required column is missing', () => {
    const root = document.createElement('div');
    document.body.append(root);
    act(() =>
      render(
        <StableReview
          parsed={summary('odd.csv', { mapping: { id: 0 } })}
          plan={undefined}
          onChange={() => undefined}
        />,
        root,
      ),
    );
    expect(root.querySelector('details')!.open).toBe(true);
    expect(root.querySelectorAll('.mapping select').length).toBeGreaterThan(5);
    root.remove();
  });
});

describe("the bench's reading of a trace", () => {
  const task = (tid: number, ts: number, dur: number, tdur: number): TraceEvent => ({
    name: 'ThreadControllerImpl::RunTask',
    ph: 'X',
    pid: 7,
    tid,
    ts,
    dur,
    tdur,
  });
  const mark = (name: string, ts: number): TraceEvent => ({ name, ph: 'I', pid: 7, tid: 1, ts });
  const events: TraceEvent[] = [
    mark('bench-stall:read', 1_000),
    task(1, 2_000, 216_000, 1_400), // waited for a core: long wall, little CPU
    task(1, 3_000, 1_000, 900), // nested in the one above: counted once
    task(1, 300_000, 20_000, 18_000),
    task(2, 310_000, 900_000, 800_000), // another thread (a worker): not the page's
    mark('bench-stall:commit', 400_000),
    task(1, 500_000, 60_000, 2_000),
    mark('bench-stall:end', 900_000),
  ];

  it("splits the page's main-thread tasks by the marks, with wall and CPU time", () => {
    const [read, commit] = phaseTasks(events, 'bench-stall:');
    expect(read).toMatchObject({ from: 'read', to: 'commit' });
    expect(read!.tasks).toHaveLength(2);
    expect(read!.longestWall).toMatchObject({ wallMs: 216, cpuMs: 1.4 });
    expect(read!.longestCpu).toMatchObject({ wallMs: 20, cpuMs: 18 });
    expect(read!.cpuMs).toBeCloseTo(19.4);
    expect(commit).toMatchObject({ from: 'commit', to: 'end', cpuMs: 2 });
    expect(phaseTasks([], 'bench-stall:')).toEqual([]);
  });

  it('prints the target row with the CPU time beside the wall time', () => {
    const stall: ImportStall = {
      mb: 50,
      rows: 441_007,
      readLongestMs: 216,
      commitLongestMs: 60,
      readMs: 1,
      commitMs: 1,
      readLongTasks: 1,
      commitLongTasks: 1,
      readLongestCpuMs: 18,
      commitLongestCpuMs: 2,
      readLongestWallCpuMs: 1.4,
      commitLongestWallCpuMs: 2,
      load: 24.2,
    };
    const [label, measured, verdict] = stallRow(stall);
    expect(label).toContain('50 MB');
    expect(label).toContain('1.40 ms of it CPU');
    expect(label).toContain('most CPU in one task 18 ms');
    expect(measured).toBe('216 ms');
    expect(verdict).toBe('FAIL');
    expect(stallRow({ ...stall, readLongestMs: 40 })[2]).toBe('PASS');
    expect(stallRow('no Chromium')).toEqual([expect.any(String), 'not run', '-']);
  });
});
