//! Python iterators over the SDK's `PageStream`: the stream fetches the pages, these only hand
//! its items to Python (an iterator for `Client`, an async iterator for `AsyncClient`).

use std::sync::Arc;

use futures::{StreamExt, TryStreamExt};
use invites_sdk::{Page as SdkPage, PageStream};
use pyo3::exceptions::PyStopAsyncIteration;
use pyo3::prelude::*;
use pyo3::types::PyList;
use tokio::sync::Mutex;

use crate::models::Item;
use crate::runtime::{self, Call, to_py_err_attached};

/// The first page alone, fetched with the list's filters.
type FirstPage = Arc<dyn Fn() -> Call<SdkPage<Item>> + Send + Sync>;

/// What a `list` call prepares: the stream of every item and a way to fetch the first page.
pub struct Source {
    stream: Arc<Mutex<PageStream<Item>>>,
    first: FirstPage,
    what: &'static str,
}

impl Source {
    /// Wrap a stream of the SDK, converting each item into its model.
    pub fn new<T, M, F>(what: &'static str, stream: PageStream<T>, first: F) -> Self
    where
        T: Send + 'static,
        M: TryFrom<T, Error = invites_sdk::Error> + Into<Item>,
        F: Fn() -> Call<SdkPage<T>> + Send + Sync + 'static,
    {
        let stream = stream
            .and_then(|t| futures::future::ready(M::try_from(t).map(Into::into)))
            .boxed();
        let first: FirstPage = Arc::new(move || {
            let page = first();
            Box::pin(async move {
                let page = page.await?;
                let data = page
                    .data
                    .into_iter()
                    .map(|t| M::try_from(t).map(Into::into))
                    .collect::<Result<Vec<Item>, _>>()?;
                Ok(SdkPage {
                    data,
                    next_page_token: page.next_page_token,
                })
            })
        });
        Self {
            stream: Arc::new(Mutex::new(stream)),
            first,
            what,
        }
    }

    fn next_item(&self) -> Call<Option<Item>> {
        let stream = self.stream.clone();
        runtime::call(async move { stream.lock().await.next().await.transpose() })
    }
}

macro_rules! from_model {
    ($($m:ident),*) => {$(
        impl From<crate::models::$m> for Item {
            fn from(m: crate::models::$m) -> Item { Item::$m(m) }
        }
    )*};
}
from_model!(Invite, Member, Redemption);

/// One page of a list: `data` and the `next_page_token` to pass as `page_token` for the next.
#[pyclass(module = "invites_sdk", frozen, generic)]
pub struct Page {
    /// The items on this page.
    #[pyo3(get)]
    data: Py<PyList>,
    /// The token of the next page; `None` on the last page.
    #[pyo3(get)]
    next_page_token: Option<String>,
}

impl Page {
    fn from_sdk(py: Python<'_>, page: SdkPage<Item>) -> PyResult<Self> {
        Ok(Self {
            data: PyList::new(py, page.data)?.unbind(),
            next_page_token: page.next_page_token,
        })
    }
}

#[pymethods]
impl Page {
    /// Whether there is a page after this one.
    fn has_next_page(&self) -> bool {
        self.next_page_token.is_some()
    }
    fn __len__(&self, py: Python<'_>) -> usize {
        self.data.bind(py).len()
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.data.bind(py).try_iter()?.into_any())
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Page(data=<{} items>, next_page_token={})",
            self.data.bind(py).len(),
            self.next_page_token
                .as_deref()
                .map(|t| format!("{t:?}"))
                .unwrap_or_else(|| "None".into())
        ))
    }
}

/// Every item of a list, page after page (`for invite in client.invites.list(): ...`).
#[pyclass(module = "invites_sdk", frozen, generic)]
pub struct SyncPager {
    source: Source,
}

impl SyncPager {
    pub fn new(source: Source) -> Self {
        Self { source }
    }
}

#[pymethods]
impl SyncPager {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Item>> {
        runtime::run_sync(py, self.source.next_item())
    }

    /// Only the first page (one request), with its `next_page_token`.
    fn first_page(&self, py: Python<'_>) -> PyResult<Page> {
        let page = runtime::run_sync(py, (self.source.first)())?;
        Page::from_sdk(py, page)
    }

    fn __repr__(&self) -> String {
        format!("SyncPager({})", self.source.what)
    }
}

/// Every item of a list, page after page (`async for invite in client.invites.list(): ...`).
#[pyclass(module = "invites_sdk", frozen, generic)]
pub struct AsyncPager {
    source: Source,
}

impl AsyncPager {
    pub fn new(source: Source) -> Self {
        Self { source }
    }
}

#[pymethods]
impl AsyncPager {
    fn __aiter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let next = self.source.next_item();
        pyo3_async_runtimes::tokio::future_into_py(py, async move {
            match next.await {
                Ok(Some(item)) => Ok(item),
                Ok(None) => Err(PyStopAsyncIteration::new_err(())),
                Err(e) => Err(to_py_err_attached(e)),
            }
        })
    }

    /// Only the first page (one request), with its `next_page_token`.
    fn first_page<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let page = (self.source.first)();
        pyo3_async_runtimes::tokio::future_into_py(py, async move {
            let page = page.await.map_err(to_py_err_attached)?;
            Python::attach(|py| Page::from_sdk(py, page))
        })
    }

    fn __repr__(&self) -> String {
        format!("AsyncPager({})", self.source.what)
    }
}
