//! Read coalescing: concurrent reads of the same kind become one statement.
//!
//! On PostgreSQL a primary-key read costs a round trip and a statement of its own on the
//! server, which is most of what a `getInvite` costs there. A [`Batcher`] runs at most
//! `max_in_flight` statements at a time; reads arriving while those are busy queue, and the next
//! free runner takes up to `max_batch` of them in one statement (`WHERE id = ANY(…)`). Under no
//! load a read runs at once, alone, so nothing waits for a batch to fill. A read always runs in a
//! statement that starts after it arrived, so it sees every write committed before it was asked.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;

use crate::db;

/// What a batch answers each of its reads: the value (`None`: no such row), or the failure of
/// the statement, shared by every read of the batch.
type Answer<V> = Result<Option<V>, Arc<db::Error>>;

/// The statement that serves a batch: the keys in, one answer per key (in the keys' order) out.
pub type BatchFn<K, V> = Arc<
    dyn Fn(Vec<K>) -> Pin<Box<dyn Future<Output = Result<Vec<Option<V>>, db::Error>> + Send>>
        + Send
        + Sync,
>;

/// Coalesces concurrent reads into batches (see the module's documentation).
pub struct Batcher<K, V> {
    shared: Arc<Shared<K, V>>,
}

impl<K, V> std::fmt::Debug for Batcher<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batcher")
            .field("max_in_flight", &self.shared.max_in_flight)
            .field("max_batch", &self.shared.max_batch)
            .finish_non_exhaustive()
    }
}

struct Shared<K, V> {
    queue: Mutex<Queue<K, V>>,
    run: BatchFn<K, V>,
    max_in_flight: usize,
    max_batch: usize,
}

struct Queue<K, V> {
    waiting: Vec<(K, oneshot::Sender<Answer<V>>)>,
    in_flight: usize,
}

impl<K: Send + 'static, V: Send + 'static> Batcher<K, V> {
    /// A batcher running `run` for at most `max_in_flight` batches at a time, each of at most
    /// `max_batch` keys.
    pub fn new(run: BatchFn<K, V>, max_in_flight: usize, max_batch: usize) -> Self {
        Batcher {
            shared: Arc::new(Shared {
                queue: Mutex::new(Queue {
                    waiting: Vec::new(),
                    in_flight: 0,
                }),
                run,
                max_in_flight: max_in_flight.max(1),
                max_batch: max_batch.max(1),
            }),
        }
    }

    /// Read one key: in the next batch that starts.
    pub async fn load(&self, key: K) -> Result<Option<V>, Arc<db::Error>> {
        let (tx, rx) = oneshot::channel();
        let start_runner = {
            let mut q = self.shared.queue.lock().expect("batch queue");
            q.waiting.push((key, tx));
            let free = q.in_flight < self.shared.max_in_flight;
            if free {
                q.in_flight += 1;
            }
            free
        };
        if start_runner {
            // A task of its own: it keeps serving the queue after this read has its answer, and
            // a request dropped meanwhile (client gone, timeout) does not strand the others.
            tokio::spawn(drain(self.shared.clone()));
        }
        rx.await.unwrap_or_else(|_| {
            Err(Arc::new(db::Error::Unavailable(
                "the read was dropped before it ran".into(),
            )))
        })
    }
}

/// Run batches until the queue is empty, then give the runner's place back.
async fn drain<K: Send + 'static, V: Send + 'static>(shared: Arc<Shared<K, V>>) {
    loop {
        let batch: Vec<_> = {
            let mut q = shared.queue.lock().expect("batch queue");
            if q.waiting.is_empty() {
                q.in_flight -= 1;
                return;
            }
            let n = q.waiting.len().min(shared.max_batch);
            q.waiting.drain(..n).collect()
        };
        let (keys, senders): (Vec<K>, Vec<_>) = batch.into_iter().unzip();
        match (shared.run)(keys).await {
            Ok(values) => {
                let mut values = values.into_iter();
                for s in senders {
                    let _ = s.send(Ok(values.next().flatten()));
                }
            }
            Err(e) => {
                let e = Arc::new(e);
                for s in senders {
                    let _ = s.send(Err(e.clone()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    /// Reads that arrive while the runners are busy share the next statement; each read gets
    /// its own answer; the number of statements stays below the number of reads.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_reads_share_statements_and_get_their_own_answers() {
        let statements = Arc::new(AtomicUsize::new(0));
        let counted = statements.clone();
        let run: BatchFn<u32, u32> = Arc::new(move |keys: Vec<u32>| {
            counted.fetch_add(1, Ordering::SeqCst);
            Box::pin(async move {
                tokio::time::sleep(Duration::from_millis(20)).await;
                Ok(keys
                    .into_iter()
                    .map(|k| (k % 3 != 0).then_some(k * 10))
                    .collect())
            })
        });
        let b = Arc::new(Batcher::new(run, 2, 64));
        let tasks: Vec<_> = (1..=100u32)
            .map(|k| {
                let b = b.clone();
                tokio::spawn(async move { (k, b.load(k).await.unwrap()) })
            })
            .collect();
        for t in tasks {
            let (k, v) = t.await.unwrap();
            assert_eq!(v, (k % 3 != 0).then_some(k * 10), "key {k}");
        }
        let n = statements.load(Ordering::SeqCst);
        assert!(n < 20, "100 concurrent reads took {n} statements");
        // Idle again: a lone read runs at once, in a statement of its own.
        assert_eq!(b.load(4).await.unwrap(), Some(40));
        assert_eq!(statements.load(Ordering::SeqCst), n + 1);
    }

    /// A failed statement fails each read of its batch, and the next batch runs normally.
    #[tokio::test]
    async fn a_failed_statement_fails_its_reads_only() {
        let run: BatchFn<u32, u32> = Arc::new(|keys: Vec<u32>| {
            Box::pin(async move {
                if keys.contains(&13) {
                    Err(db::Error::Unavailable("boom".into()))
                } else {
                    Ok(keys.into_iter().map(Some).collect())
                }
            })
        });
        let b = Batcher::new(run, 1, 8);
        assert!(matches!(
            b.load(13).await.unwrap_err().as_ref(),
            db::Error::Unavailable(m) if m == "boom"
        ));
        assert_eq!(b.load(7).await.unwrap(), Some(7));
    }
}
