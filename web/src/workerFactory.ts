import workerSource from 'virtual:worker-source';

/**
 * Starts a simulation worker. Served over http(s), it loads worker.js next
 * to the page. Opened from disk (file://), browsers refuse a worker script
 * from a file, so the same bundled worker code starts from a Blob URL
 * instead; where even that is refused, the constructor throws and the page
 * says what to do.
 */
export function createWorker(): Worker {
  if (location.protocol !== 'file:') return new Worker('worker.js');
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  try {
    return new Worker(url);
  } finally {
    // The worker fetches its script after construction, so the URL is kept for a while before it is released.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** Whether this page can start workers at all: a tiny worker that answers at once, or a refusal within `ms`. */
export function canStartWorkers(ms = 5000): Promise<boolean> {
  if (location.protocol !== 'file:') return Promise.resolve(true);
  return new Promise((resolve) => {
    let worker: Worker | undefined;
    const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
    const finish = (ok: boolean): void => {
      clearTimeout(timer);
      worker?.terminate();
      URL.revokeObjectURL(url);
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), ms);
    try {
      worker = new Worker(url);
      worker.onmessage = () => finish(true);
      worker.onerror = () => finish(false);
    } catch {
      finish(false);
    }
  });
}
