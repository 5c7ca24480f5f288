import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextReadDelay, QUIET_DELAY_MS, RereadScheduler } from '@/entrypoints/helpdesk.content/reread';

describe('nextReadDelay', () => {
  it('reads a quiet page 250 ms after it changes', () => {
    expect(nextReadDelay(Infinity, 2)).toBe(250);
    expect(nextReadDelay(5000, 2)).toBe(250);
  });
  it('reads a page that keeps changing at most once a second', () => {
    expect(nextReadDelay(100, 2)).toBe(900);
    expect(nextReadDelay(900, 2)).toBe(250);
  });
  it('never spends more than 5% of the time reading', () => {
    expect(nextReadDelay(Infinity, 30)).toBe(600);
    expect(nextReadDelay(100, 80)).toBe(1600);
  });
});

describe('RereadScheduler on a page that never stops changing', () => {
  afterEach(() => vi.useRealTimers());
  it('reads about once a second, and observes nothing between reads', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
    const target = document.createElement('div');
    document.body.append(target);
    let reads = 0;
    const scheduler = new RereadScheduler(() => {
      reads++;
    });
    scheduler.watch(target);
    const ticker = setInterval(() => (target.textContent = String(Math.random())), 16);
    for (let t = 0; t < 10_000; t += 16) {
      await vi.advanceTimersByTimeAsync(16);
    }
    clearInterval(ticker);
    scheduler.stop();
    // 10 s of constant change: the first read after 250 ms, then one a second.
    expect(reads).toBeGreaterThanOrEqual(8);
    expect(reads).toBeLessThanOrEqual(11);
  });
});

describe('RereadScheduler with the regions the last reading used', () => {
  afterEach(() => vi.useRealTimers());
  const setUp = () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const target = document.createElement('div');
    const panel = document.createElement('dl');
    panel.innerHTML = '<dt>Company</dt><dd>Acme</dd>';
    const elsewhere = document.createElement('p');
    target.append(panel, elsewhere);
    document.body.append(target);
    let reads = 0;
    const scheduler = new RereadScheduler(() => {
      reads++;
    });
    scheduler.watch(target);
    scheduler.regions([panel.querySelector('dd')!, panel]);
    return { target, panel, elsewhere, scheduler, reads: () => reads };
  };

  it('reads a change inside a region as soon as a quiet page', async () => {
    const { panel, scheduler, reads } = setUp();
    panel.querySelector('dd')!.textContent = 'Evil Corp';
    await vi.advanceTimersByTimeAsync(300);
    expect(reads()).toBe(1);
    scheduler.stop();
  });

  it('does not read a change outside every region that adds nothing to read', async () => {
    const { elsewhere, scheduler, reads } = setUp();
    elsewhere.textContent = 'clock 1';
    await vi.advanceTimersByTimeAsync(5000);
    expect(reads()).toBe(0);
    scheduler.stop();
  });

  it('reads at once when a region is removed by its parent', async () => {
    const { target, panel, scheduler, reads } = setUp();
    target.removeChild(panel);
    await vi.advanceTimersByTimeAsync(300);
    expect(reads()).toBe(1);
    scheduler.stop();
  });

  it('treats unknown regions as covering the whole page', async () => {
    const { elsewhere, scheduler, reads } = setUp();
    scheduler.regions(undefined);
    elsewhere.textContent = 'clock 1';
    await vi.advanceTimersByTimeAsync(300);
    expect(reads()).toBe(1);
    scheduler.stop();
  });
});

describe('RereadScheduler and a read made in slices', () => {
  afterEach(() => vi.useRealTimers());

  it('reads again a change made while a read was under way', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const target = document.createElement('div');
    document.body.append(target);
    let reads = 0;
    // A read that gives the page the main thread for 100 ms, as readInSlices does on a large page.
    const scheduler = new RereadScheduler(async () => {
      reads++;
      await new Promise((done) => setTimeout(done, 100));
    });
    scheduler.watch(target);
    target.textContent = 'first change';
    await vi.advanceTimersByTimeAsync(QUIET_DELAY_MS + 50);
    expect(reads).toBe(1);
    // The page changes while that read is under way (after the part it read, say).
    target.textContent = 'changed during the read';
    await vi.advanceTimersByTimeAsync(2_000);
    scheduler.stop();
    expect(reads).toBe(2);
  });
});
