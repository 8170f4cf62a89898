//! In-memory limiters of failed attempts (lookups and accepts with an unknown code or an address
//! the invite does not allow, wrong admin tokens), one count per key and fixed window.
//!
//! Exact under concurrency: a failure is counted and compared with the limit in one step under
//! the key's lock, and the failure past the limit is answered 429 instead of its own answer, so
//! however many wrong attempts run at once, at most `max` of them per window learn anything.
//! Bounded: keys are kept as 64-bit keyed hashes in 16 shards of at most
//! [`FailureLimiter::SHARD_CAPACITY`] keys each; a shard forgets every count when its window
//! ends (one swap, no scan), and past its capacity new keys share one overflow count, so a
//! flood of distinct keys is still limited, as a whole, and memory stays a few megabytes.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::ApiError;

/// Shards (by key hash), each with its own lock and window.
const SHARDS: usize = 16;

/// The count every key beyond a full shard's capacity shares.
const OVERFLOW: u64 = u64::MAX;

/// Counts failures per key; refuses a key that reached the limit until its window ends.
#[derive(Debug)]
pub struct FailureLimiter {
    max: u32,
    window: Duration,
    hasher: RandomState,
    shards: Vec<Mutex<Shard>>,
}

/// One shard's counts in its current window.
#[derive(Debug)]
struct Shard {
    started: Instant,
    counts: HashMap<u64, u32>,
}

impl Shard {
    /// Start a new window when the current one is over; returns the old counts, to be dropped
    /// after the lock is released.
    fn roll(&mut self, now: Instant, window: Duration) -> Option<HashMap<u64, u32>> {
        if now.duration_since(self.started) < window {
            return None;
        }
        self.started = now;
        Some(std::mem::take(&mut self.counts))
    }

    /// 429 with the seconds left in this window.
    fn limited(&self, now: Instant, window: Duration) -> ApiError {
        let left = window.saturating_sub(now.duration_since(self.started));
        ApiError::RateLimited(left.as_secs_f64().ceil().max(1.0) as u64)
    }
}

impl FailureLimiter {
    /// Most keys one shard counts per window, besides its overflow count (16 shards: 65,536
    /// keys, about 2 MB at most).
    pub const SHARD_CAPACITY: usize = 4096;

    /// At most `max` failures per key per `window` (0 disables the limit).
    pub fn new(max: u32, window: Duration) -> Self {
        FailureLimiter {
            max,
            window,
            hasher: RandomState::new(),
            shards: (0..SHARDS)
                .map(|_| {
                    Mutex::new(Shard {
                        started: Instant::now(),
                        counts: HashMap::new(),
                    })
                })
                .collect(),
        }
    }

    fn shard(&self, key: &str) -> (&Mutex<Shard>, u64) {
        let h = self.hasher.hash_one(key);
        (&self.shards[(h % SHARDS as u64) as usize], h)
    }

    /// 429 when `key` used up its failures in the current window.
    pub fn check(&self, key: &str) -> Result<(), ApiError> {
        self.check_at(key, Instant::now())
    }

    /// Count one failure for `key`; 429 when it is past the limit (answer that instead of the
    /// failure itself).
    pub fn fail(&self, key: &str) -> Result<(), ApiError> {
        self.fail_at(key, Instant::now())
    }

    fn check_at(&self, key: &str, now: Instant) -> Result<(), ApiError> {
        if self.max == 0 {
            return Ok(());
        }
        let (shard, h) = self.shard(key);
        let mut s = shard.lock().unwrap_or_else(|e| e.into_inner());
        let old = s.roll(now, self.window);
        let count = s
            .counts
            .get(&h)
            .or_else(|| {
                (s.counts.len() >= Self::SHARD_CAPACITY)
                    .then(|| s.counts.get(&OVERFLOW))
                    .flatten()
            })
            .copied()
            .unwrap_or(0);
        let result = if count >= self.max {
            Err(s.limited(now, self.window))
        } else {
            Ok(())
        };
        drop(s);
        drop(old);
        result
    }

    fn fail_at(&self, key: &str, now: Instant) -> Result<(), ApiError> {
        if self.max == 0 {
            return Ok(());
        }
        let (shard, h) = self.shard(key);
        let mut s = shard.lock().unwrap_or_else(|e| e.into_inner());
        let old = s.roll(now, self.window);
        let slot = if s.counts.contains_key(&h) || s.counts.len() < Self::SHARD_CAPACITY {
            h
        } else {
            OVERFLOW
        };
        let count = s.counts.entry(slot).or_insert(0);
        *count = count.saturating_add(1);
        let result = if *count > self.max {
            Err(s.limited(now, self.window))
        } else {
            Ok(())
        };
        drop(s);
        drop(old);
        result
    }

    /// Keys counted now, over every shard.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap().counts.len())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_past_max_failures_until_the_window_ends() {
        let l = FailureLimiter::new(2, Duration::from_secs(60));
        let t0 = Instant::now();
        l.check_at("k", t0).unwrap();
        l.fail_at("k", t0).unwrap();
        l.fail_at("k", t0).unwrap();
        assert!(matches!(
            l.check_at("k", t0),
            Err(ApiError::RateLimited(60))
        ));
        // The failure past the limit is itself refused.
        assert!(matches!(
            l.fail_at("k", t0 + Duration::from_secs(59)),
            Err(ApiError::RateLimited(1))
        ));
        l.check_at("other", t0).unwrap();
        l.check_at("k", t0 + Duration::from_secs(61)).unwrap();
    }

    #[test]
    fn zero_disables() {
        let l = FailureLimiter::new(0, Duration::from_secs(60));
        for _ in 0..100 {
            l.fail("k").unwrap();
        }
        l.check("k").unwrap();
        assert_eq!(l.len(), 0);
    }

    #[test]
    fn a_flood_of_distinct_keys_stays_bounded_and_limited() {
        let l = FailureLimiter::new(3, Duration::from_secs(60));
        let t0 = Instant::now();
        let mut refused = 0;
        for i in 0..500_000 {
            if l.fail_at(&format!("key{i}"), t0).is_err() {
                refused += 1;
            }
        }
        // At most the capacity per shard, plus its one overflow count.
        let most = SHARDS * (FailureLimiter::SHARD_CAPACITY + 1);
        assert!(l.len() <= most, "{}", l.len());
        // Past the capacity the new keys share one count per shard: nearly all were refused.
        assert!(refused > 400_000, "{refused}");
        // A new window forgets everything.
        l.fail_at("key1", t0 + Duration::from_secs(60)).unwrap();
        assert!(
            l.len() < SHARDS * FailureLimiter::SHARD_CAPACITY,
            "{}",
            l.len()
        );
    }
}
