//! Pages and page streams.

use std::future::Future;
use std::pin::Pin;

use futures::{Stream, StreamExt, TryStreamExt, stream};

use crate::error::Error;

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

/// Check a bounded integer parameter (a page size) before sending it.
pub(crate) fn bounded(
    param: &str,
    value: Option<u32>,
    min: u32,
    max: u32,
) -> Result<Option<std::num::NonZeroU64>, Error> {
    match value {
        None => Ok(None),
        Some(n) if (min..=max).contains(&n) => Ok(std::num::NonZeroU64::new(u64::from(n))),
        Some(n) => Err(Error::InvalidArgument {
            param: param.into(),
            message: format!("must be between {min} and {max}, got {n}"),
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
