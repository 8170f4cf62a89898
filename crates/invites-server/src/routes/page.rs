//! Keyset pagination of the newest-first lists (`ORDER BY created_at DESC, id DESC`): a page
//! token names the last row of the previous page, so pages stay stable while rows are inserted.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::db::{Arg, FromRow, Store, query};
use crate::error::ApiError;
use crate::input::{Cursor, limit};

/// The page a list request asks for: its size and where the previous page ended.
#[derive(Debug, Clone)]
pub(crate) struct Keyset {
    limit: i64,
    cursor: Option<Cursor>,
}

/// One page of rows and the token of the next page (`None` on the last page).
#[derive(Debug)]
pub(crate) struct Page<T> {
    /// The rows, newest first.
    pub rows: Vec<T>,
    /// The `next_page_token` to answer.
    pub next: Option<String>,
}

impl Keyset {
    /// From the `limit` (1 to 100, default 20) and `page_token` query values; 400 naming the
    /// bad one.
    pub(crate) fn from_query(q: &HashMap<String, String>) -> Result<Keyset, ApiError> {
        Ok(Keyset {
            limit: limit(q.get("limit"))?,
            cursor: Cursor::decode(q.get("page_token"))?,
        })
    }

    /// One page of `select` (a `SELECT … WHERE …` of rows with `created_at` and `id` whose
    /// placeholders are `$1` to `$N` for the N `args`), the keyset condition, order and limit
    /// appended. `key` gives a row's `(created_at, id)`.
    pub(crate) async fn fetch<T: FromRow>(
        &self,
        store: &Store,
        select: &str,
        mut args: Vec<Arg>,
        key: impl Fn(&T) -> (i64, &str),
    ) -> Result<Page<T>, ApiError> {
        let mut sql = select.to_owned();
        if let Some(c) = &self.cursor {
            let (a, b) = (args.len() + 1, args.len() + 2);
            sql.push_str(&format!(
                " AND (created_at < ${a} OR (created_at = ${a} AND id < ${b}))"
            ));
            args.push(Arg::Int(Some(c.created_at)));
            args.push(Arg::Text(Some(c.id.clone())));
        }
        sql.push_str(&format!(
            " ORDER BY created_at DESC, id DESC LIMIT ${}",
            args.len() + 1
        ));
        args.push(Arg::Int(Some(self.limit + 1)));
        let mut q = query(sql);
        for a in args {
            q = q.bind(a);
        }
        let mut rows: Vec<T> = q.fetch_all(store).await?;
        let next = if rows.len() as i64 > self.limit {
            rows.truncate(self.limit as usize);
            rows.last().map(|r| {
                let (created_at, id) = key(r);
                Cursor {
                    created_at,
                    id: id.to_owned(),
                }
                .encode()
            })
        } else {
            None
        };
        Ok(Page { rows, next })
    }
}

impl<T> Page<T> {
    /// The list body: `{"data": [...], "next_page_token": ...}`.
    pub(crate) fn to_json(&self, item: impl Fn(&T) -> Value) -> Value {
        let data: Vec<Value> = self.rows.iter().map(item).collect();
        json!({"data": data, "next_page_token": self.next})
    }
}
