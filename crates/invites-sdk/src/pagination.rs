//! Pages and page streams.

use std::future::Future;
use std::pin::Pin;

use futures::{Stream, StreamExt, TryStreamExt, stream};

use crate::error::Error;
use crate::generated::types;

/// One page of a list.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items on this page.
    pub data: Vec<T>,
    /// The token for the next page; `None` on the last page.
    pub next_page_token: Option<String>,
}

/// A stream of every item of a list, fetching pages as it goes.
pub type PageStream<T> = Pin<Box<dyn Stream<Item = Result<T, Error>> + Send + 'static>>;

/// Filters and paging for [`crate::Invites::list`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListInvites {
    /// Only invites with this status.
    pub status: Option<types::InviteStatus>,
    /// Only invites whose address list holds this address or pattern.
    pub email: Option<String>,
    /// Page size, 1 to 100 (server default 20).
    pub limit: Option<u32>,
    /// Start from this page token.
    pub page_token: Option<String>,
}

/// Filters and paging for [`crate::Members::list`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListMembers {
    /// Only the member with this address.
    pub email: Option<String>,
    /// Page size, 1 to 100 (server default 20).
    pub limit: Option<u32>,
    /// Start from this page token.
    pub page_token: Option<String>,
}

/// Paging for [`crate::Invites::redemptions`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListRedemptions {
    /// Page size, 1 to 100 (server default 20).
    pub limit: Option<u32>,
    /// Start from this page token.
    pub page_token: Option<String>,
}

/// Check a page size before sending it.
pub(crate) fn limit(limit: Option<u32>) -> Result<Option<std::num::NonZeroU64>, Error> {
    match limit {
        None => Ok(None),
        Some(n @ 1..=100) => Ok(std::num::NonZeroU64::new(u64::from(n))),
        Some(n) => Err(Error::InvalidArgument {
            param: "limit".into(),
            message: format!("must be between 1 and 100, got {n}"),
        }),
    }
}

/// Walk every page, starting at `first`, calling `fetch` with each page token.
pub(crate) fn paginate<T, F, Fut>(first: Option<String>, mut fetch: F) -> PageStream<T>
where
    T: Send + 'static,
    F: FnMut(Option<String>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Page<T>, Error>> + Send + 'static,
{
    // `None` state: the last page was seen.
    let pages = stream::try_unfold(Some(first), move |state| {
        let next = state.map(&mut fetch);
        async move {
            let Some(fut) = next else {
                return Ok::<_, Error>(None);
            };
            let page = fut.await?;
            let items = stream::iter(page.data.into_iter().map(Ok::<T, Error>));
            Ok(Some((items, page.next_page_token.map(Some))))
        }
    });
    pages.try_flatten().boxed()
}
