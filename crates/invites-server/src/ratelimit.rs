//! An in-memory limiter of failed lookups and accepts per API key (a fixed window per key).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::ApiError;

/// Counts failures per key; refuses a key that reached the limit until its window ends.
#[derive(Debug)]
pub struct FailureLimiter {
    max: u32,
    window: Duration,
    state: Mutex<HashMap<String, (Instant, u32)>>,
}

impl FailureLimiter {
    /// At most `max` failures per `window` (0 disables the limit).
    pub fn new(max: u32, window: Duration) -> Self {
        FailureLimiter {
            max,
            window,
            state: Mutex::new(HashMap::new()),
        }
    }

    /// 429 when `key` used up its failures in the current window.
    pub fn check(&self, key: &str) -> Result<(), ApiError> {
        if self.max == 0 {
            return Ok(());
        }
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((start, count)) = state.get(key) {
            let elapsed = start.elapsed();
            if elapsed < self.window && *count >= self.max {
                let left = (self.window - elapsed).as_secs_f64().ceil().max(1.0) as u64;
                return Err(ApiError::RateLimited(left));
            }
        }
        Ok(())
    }

    /// Count one failure for `key`.
    pub fn record_failure(&self, key: &str) {
        if self.max == 0 {
            return;
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        if state.len() > 100_000 {
            let window = self.window;
            state.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = state.entry(key.to_string()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_after_max_failures_until_the_window_ends() {
        let l = FailureLimiter::new(2, Duration::from_millis(200));
        l.check("k").unwrap();
        l.record_failure("k");
        l.record_failure("k");
        assert!(matches!(l.check("k"), Err(ApiError::RateLimited(1))));
        l.check("other").unwrap();
        std::thread::sleep(Duration::from_millis(250));
        l.check("k").unwrap();
    }

    #[test]
    fn zero_disables() {
        let l = FailureLimiter::new(0, Duration::from_secs(60));
        for _ in 0..100 {
            l.record_failure("k");
        }
        l.check("k").unwrap();
    }
}
