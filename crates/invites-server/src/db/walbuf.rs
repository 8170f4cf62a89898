//! A SQLite VFS that writes a commit's WAL frames in one system call.
//!
//! SQLite appends a commit to the WAL one frame at a time, with two `pwrite`s a frame (its
//! 24-byte header, then the page), and then syncs the file: ~100 system calls for a group commit
//! of ~20 accepts, all of them inside the writer turn (8.5 % of the server's CPU under accepts).
//! This VFS wraps the default one and, for WAL files only, gathers writes that follow each other
//! in the file into a buffer, written with one `pwrite` before the file is synced, read, sized,
//! truncated or closed, before a write elsewhere in the file, and at [`FLUSH_AT`] bytes.
//! Every other file, and every other call, goes straight to the default VFS.
//!
//! Sound only while every commit through it syncs the WAL (`synchronous = FULL` or `EXTRA`, as
//! [`super::sqlite`] sets on every connection): SQLite publishes a commit to other connections
//! (the WAL index) only after that sync, so no reader, in this process or another, can look for
//! a frame still in a buffer. (Under `NORMAL` a commit publishes without syncing, and a reader
//! could read a frame not yet written; no connection here runs so.)

use std::ffi::{CStr, c_char, c_int, c_void};
use std::sync::OnceLock;

use rusqlite::ffi;

/// The VFS's name, for `Connection::open_with_flags_and_vfs`.
pub const NAME: &CStr = c"invites-walbuf";

/// The most one call to the default VFS's `xWrite` is given: the unix VFS writes
/// `amount & 0x1ffff` bytes a system call (its writes are pages and frames), so a larger write
/// would come out short.
const WRITE_MAX: usize = 31 * 4096;

/// A buffer this large is written out at once, whatever comes next.
pub const FLUSH_AT: usize = 4 << 20;

/// The buffer's capacity kept after a larger transaction's flush.
const KEEP: usize = 1 << 20;

/// A WAL file: our methods, the buffer, then the default VFS's file.
#[repr(C)]
struct WalFile {
    base: ffi::sqlite3_file,
    buf: *mut Pending,
}

/// Writes gathered and not yet made: `data` belongs at offset `start` of the file.
#[derive(Default)]
struct Pending {
    start: i64,
    data: Vec<u8>,
}

/// Where the wrapped file starts inside ours (8-byte aligned).
const INNER_AT: usize = std::mem::size_of::<WalFile>().next_multiple_of(8);

/// The VFS as registered, and the default one it wraps. (Its calls not wrapped here, from
/// randomness to the clock, are the default VFS's own: the unix VFS's do not look at the VFS
/// they are given.)
struct Registered {
    inner: *mut ffi::sqlite3_vfs,
    vfs: ffi::sqlite3_vfs,
}

// SAFETY: written once before registration, only read afterwards.
unsafe impl Send for Registered {}
unsafe impl Sync for Registered {}

static REGISTERED: OnceLock<Result<Box<Registered>, String>> = OnceLock::new();

/// Register the VFS (once per process); its name, or why it could not be.
pub fn register() -> Result<&'static str, String> {
    let r = REGISTERED.get_or_init(|| unsafe {
        let inner = ffi::sqlite3_vfs_find(std::ptr::null());
        if inner.is_null() {
            return Err("SQLite has no default VFS".into());
        }
        let mut vfs = *inner;
        vfs.szOsFile = (INNER_AT + (*inner).szOsFile as usize) as c_int;
        vfs.zName = NAME.as_ptr();
        vfs.pNext = std::ptr::null_mut();
        vfs.pAppData = std::ptr::null_mut();
        vfs.xOpen = Some(x_open);
        vfs.xDelete = Some(x_delete);
        vfs.xAccess = Some(x_access);
        vfs.xFullPathname = Some(x_full_pathname);
        let mut boxed = Box::new(Registered { inner, vfs });
        let rc = ffi::sqlite3_vfs_register(&mut boxed.vfs, 0);
        if rc != ffi::SQLITE_OK {
            return Err(format!("registering the SQLite VFS failed (code {rc})"));
        }
        Ok(boxed)
    });
    match r {
        Ok(_) => Ok(NAME.to_str().expect("ASCII")),
        Err(e) => Err(e.clone()),
    }
}

fn reg() -> &'static Registered {
    match REGISTERED.get() {
        Some(Ok(r)) => r,
        _ => unreachable!("called by SQLite only after registration"),
    }
}

/// The default VFS's file inside ours.
unsafe fn inner_of(f: *mut ffi::sqlite3_file) -> *mut ffi::sqlite3_file {
    unsafe { (f as *mut u8).add(INNER_AT) as *mut ffi::sqlite3_file }
}

/// The wrapped file's methods.
unsafe fn m(f: *mut ffi::sqlite3_file) -> &'static ffi::sqlite3_io_methods {
    unsafe { &*(*inner_of(f)).pMethods }
}

unsafe extern "C" fn x_open(
    _vfs: *mut ffi::sqlite3_vfs,
    name: ffi::sqlite3_filename,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    unsafe {
        let r = reg();
        let inner = r.inner;
        let open = (*inner).xOpen.expect("xOpen");
        if flags & ffi::SQLITE_OPEN_WAL == 0 {
            // Not a WAL: the default VFS's file itself, with its own methods.
            return open(inner, name, file, flags, out_flags);
        }
        (*file).pMethods = std::ptr::null();
        let rc = open(inner, name, inner_of(file), flags, out_flags);
        if rc != ffi::SQLITE_OK {
            return rc;
        }
        let methods = methods_for(&*(*inner_of(file)).pMethods);
        let wal = file as *mut WalFile;
        (*wal).buf = Box::into_raw(Box::default());
        (*wal).base.pMethods = methods;
        ffi::SQLITE_OK
    }
}

/// Our methods for a WAL whose own methods are `inner` (the same version, so the same
/// optional calls).
fn methods_for(inner: &ffi::sqlite3_io_methods) -> *const ffi::sqlite3_io_methods {
    static METHODS: OnceLock<Box<MethodsCell>> = OnceLock::new();
    struct MethodsCell(ffi::sqlite3_io_methods);
    // SAFETY: plain function pointers, never written after creation.
    unsafe impl Send for MethodsCell {}
    unsafe impl Sync for MethodsCell {}
    let cell = METHODS.get_or_init(|| {
        Box::new(MethodsCell(ffi::sqlite3_io_methods {
            iVersion: inner.iVersion,
            xClose: Some(x_close),
            xRead: Some(x_read),
            xWrite: Some(x_write),
            xTruncate: Some(x_truncate),
            xSync: Some(x_sync),
            xFileSize: Some(x_file_size),
            xLock: Some(x_lock),
            xUnlock: Some(x_unlock),
            xCheckReservedLock: Some(x_check_reserved_lock),
            xFileControl: Some(x_file_control),
            xSectorSize: Some(x_sector_size),
            xDeviceCharacteristics: Some(x_device_characteristics),
            xShmMap: inner.xShmMap.map(|_| x_shm_map as _),
            xShmLock: inner.xShmLock.map(|_| x_shm_lock as _),
            xShmBarrier: inner.xShmBarrier.map(|_| x_shm_barrier as _),
            xShmUnmap: inner.xShmUnmap.map(|_| x_shm_unmap as _),
            xFetch: inner.xFetch.map(|_| x_fetch as _),
            xUnfetch: inner.xUnfetch.map(|_| x_unfetch as _),
        }))
    });
    &cell.0
}

/// Write out what is gathered.
unsafe fn flush(f: *mut ffi::sqlite3_file) -> c_int {
    unsafe {
        let p = &mut *(*(f as *mut WalFile)).buf;
        if p.data.is_empty() {
            return ffi::SQLITE_OK;
        }
        let write = m(f).xWrite.expect("xWrite");
        let mut rc = ffi::SQLITE_OK;
        let mut at = 0;
        while at < p.data.len() && rc == ffi::SQLITE_OK {
            let n = (p.data.len() - at).min(WRITE_MAX);
            let chunk = p.data[at..].as_ptr() as *const c_void;
            rc = write(inner_of(f), chunk, n as c_int, p.start + at as i64);
            at += n;
            #[cfg(test)]
            tests::WRITTEN.with(|c| c.set(c.get() + 1));
        }
        p.data.clear();
        if p.data.capacity() > KEEP {
            p.data.shrink_to(KEEP);
        }
        rc
    }
}

unsafe extern "C" fn x_write(
    f: *mut ffi::sqlite3_file,
    data: *const c_void,
    amt: c_int,
    off: i64,
) -> c_int {
    unsafe {
        #[cfg(test)]
        tests::ASKED.with(|c| c.set(c.get() + 1));
        let p = &mut *(*(f as *mut WalFile)).buf;
        if !p.data.is_empty() && off != p.start + p.data.len() as i64 {
            let rc = flush(f);
            if rc != ffi::SQLITE_OK {
                return rc;
            }
        }
        if p.data.is_empty() {
            p.start = off;
        }
        p.data
            .extend_from_slice(std::slice::from_raw_parts(data as *const u8, amt as usize));
        if p.data.len() >= FLUSH_AT {
            return flush(f);
        }
        ffi::SQLITE_OK
    }
}

/// Flush, then call the wrapped file's method.
macro_rules! flushed {
    ($f:expr, $call:expr) => {{
        let rc = flush($f);
        if rc != ffi::SQLITE_OK { rc } else { $call }
    }};
}

unsafe extern "C" fn x_close(f: *mut ffi::sqlite3_file) -> c_int {
    unsafe {
        let rc = flush(f);
        let close = m(f).xClose.expect("xClose")(inner_of(f));
        drop(Box::from_raw((*(f as *mut WalFile)).buf));
        (*f).pMethods = std::ptr::null();
        if rc != ffi::SQLITE_OK { rc } else { close }
    }
}

unsafe extern "C" fn x_read(
    f: *mut ffi::sqlite3_file,
    buf: *mut c_void,
    amt: c_int,
    off: i64,
) -> c_int {
    unsafe { flushed!(f, m(f).xRead.expect("xRead")(inner_of(f), buf, amt, off)) }
}

unsafe extern "C" fn x_truncate(f: *mut ffi::sqlite3_file, size: i64) -> c_int {
    unsafe { flushed!(f, m(f).xTruncate.expect("xTruncate")(inner_of(f), size)) }
}

unsafe extern "C" fn x_sync(f: *mut ffi::sqlite3_file, flags: c_int) -> c_int {
    unsafe { flushed!(f, m(f).xSync.expect("xSync")(inner_of(f), flags)) }
}

unsafe extern "C" fn x_file_size(f: *mut ffi::sqlite3_file, size: *mut i64) -> c_int {
    unsafe { flushed!(f, m(f).xFileSize.expect("xFileSize")(inner_of(f), size)) }
}

unsafe extern "C" fn x_lock(f: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    unsafe { m(f).xLock.expect("xLock")(inner_of(f), level) }
}

unsafe extern "C" fn x_unlock(f: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    unsafe { m(f).xUnlock.expect("xUnlock")(inner_of(f), level) }
}

unsafe extern "C" fn x_check_reserved_lock(f: *mut ffi::sqlite3_file, out: *mut c_int) -> c_int {
    unsafe { m(f).xCheckReservedLock.expect("xCheckReservedLock")(inner_of(f), out) }
}

unsafe extern "C" fn x_file_control(
    f: *mut ffi::sqlite3_file,
    op: c_int,
    arg: *mut c_void,
) -> c_int {
    unsafe {
        flushed!(
            f,
            m(f).xFileControl.expect("xFileControl")(inner_of(f), op, arg)
        )
    }
}

unsafe extern "C" fn x_sector_size(f: *mut ffi::sqlite3_file) -> c_int {
    unsafe { m(f).xSectorSize.expect("xSectorSize")(inner_of(f)) }
}

unsafe extern "C" fn x_device_characteristics(f: *mut ffi::sqlite3_file) -> c_int {
    unsafe { m(f).xDeviceCharacteristics.expect("xDeviceCharacteristics")(inner_of(f)) }
}

unsafe extern "C" fn x_shm_map(
    f: *mut ffi::sqlite3_file,
    pg: c_int,
    pgsz: c_int,
    extend: c_int,
    out: *mut *mut c_void,
) -> c_int {
    unsafe { m(f).xShmMap.expect("xShmMap")(inner_of(f), pg, pgsz, extend, out) }
}

unsafe extern "C" fn x_shm_lock(
    f: *mut ffi::sqlite3_file,
    off: c_int,
    n: c_int,
    flags: c_int,
) -> c_int {
    unsafe { m(f).xShmLock.expect("xShmLock")(inner_of(f), off, n, flags) }
}

unsafe extern "C" fn x_shm_barrier(f: *mut ffi::sqlite3_file) {
    unsafe { m(f).xShmBarrier.expect("xShmBarrier")(inner_of(f)) }
}

unsafe extern "C" fn x_shm_unmap(f: *mut ffi::sqlite3_file, delete: c_int) -> c_int {
    unsafe { m(f).xShmUnmap.expect("xShmUnmap")(inner_of(f), delete) }
}

unsafe extern "C" fn x_fetch(
    f: *mut ffi::sqlite3_file,
    off: i64,
    amt: c_int,
    out: *mut *mut c_void,
) -> c_int {
    unsafe { flushed!(f, m(f).xFetch.expect("xFetch")(inner_of(f), off, amt, out)) }
}

unsafe extern "C" fn x_unfetch(f: *mut ffi::sqlite3_file, off: i64, p: *mut c_void) -> c_int {
    unsafe { m(f).xUnfetch.expect("xUnfetch")(inner_of(f), off, p) }
}

unsafe extern "C" fn x_delete(
    _vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    sync_dir: c_int,
) -> c_int {
    unsafe {
        let inner = reg().inner;
        (*inner).xDelete.expect("xDelete")(inner, name, sync_dir)
    }
}

unsafe extern "C" fn x_access(
    _vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    flags: c_int,
    out: *mut c_int,
) -> c_int {
    unsafe {
        let inner = reg().inner;
        (*inner).xAccess.expect("xAccess")(inner, name, flags, out)
    }
}

unsafe extern "C" fn x_full_pathname(
    _vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    n: c_int,
    out: *mut c_char,
) -> c_int {
    unsafe {
        let inner = reg().inner;
        (*inner).xFullPathname.expect("xFullPathname")(inner, name, n, out)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use rusqlite::Connection;

    thread_local! {
        /// Writes SQLite asked of WAL files on this thread.
        pub(super) static ASKED: Cell<u64> = const { Cell::new(0) };
        /// Writes made to WAL files (through the default VFS) on this thread.
        pub(super) static WRITTEN: Cell<u64> = const { Cell::new(0) };
    }

    fn open(path: &std::path::Path) -> Connection {
        let vfs = super::register().unwrap();
        let c = Connection::open_with_flags_and_vfs(path, Default::default(), vfs).unwrap();
        c.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0;",
        )
        .unwrap();
        c
    }

    /// Insert row `k + 1`, spread over the index as new addresses are (many pages a commit),
    /// and count it into `want` (rows, sum of keys, greatest value).
    fn insert(c: &Connection, k: &mut i64, fill: char, want: &mut (i64, i64, String)) {
        *k += 1;
        let v = format!(
            "{:08x}{}",
            (*k * 2_654_435_761) % 4_294_967_291,
            fill.to_string().repeat(150)
        );
        c.execute("INSERT INTO t (k, v) VALUES (?1, ?2)", (*k, &v))
            .unwrap();
        want.0 += 1;
        want.1 += *k;
        if v > want.2 {
            want.2 = v;
        }
    }

    fn rows(c: &Connection) -> (i64, i64, String) {
        c.query_row(
            "SELECT count(*), coalesce(sum(k), 0), coalesce(max(v), '') FROM t",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
    }

    /// Commits written through the VFS reach the WAL in a few writes, and read back the same
    /// through it, through another connection and through SQLite's default VFS; a transaction
    /// larger than the page cache (frames written before the commit, some written again, read
    /// back by the writer) included; the file passes `integrity_check` before and after a
    /// checkpoint.
    #[test]
    fn commits_reach_the_wal_in_few_writes_and_read_back_the_same_everywhere() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let w = open(&path);
        w.execute_batch(
            "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v);",
        )
        .unwrap();
        let reader = open(&path);
        let plain = Connection::open(&path).unwrap();
        let mut want = (0i64, 0i64, String::new());
        let mut k = 0i64;
        for txn in 0..40 {
            let (asked, written) = (ASKED.get(), WRITTEN.get());
            let tx = w.unchecked_transaction().unwrap();
            for _ in 0..50 {
                insert(&tx, &mut k, 'x', &mut want);
            }
            tx.commit().unwrap();
            let (asked, written) = (ASKED.get() - asked, WRITTEN.get() - written);
            if txn > 0 {
                assert!(asked >= 20, "commit {txn}: {asked} writes asked");
                assert!(
                    written * 8 <= asked,
                    "commit {txn}: {written} writes for {asked} asked"
                );
            }
            assert_eq!(rows(&reader), want, "after commit {txn}");
            assert_eq!(rows(&plain), want, "after commit {txn}");
        }
        // A transaction beyond a 10-page cache spills frames before its commit.
        w.execute_batch("PRAGMA cache_size = 10").unwrap();
        let tx = w.unchecked_transaction().unwrap();
        for _ in 0..2000 {
            insert(&tx, &mut k, 'y', &mut want);
        }
        tx.execute("UPDATE t SET v = v || 'z' WHERE k % 7 = 0", [])
            .unwrap();
        assert_eq!(rows(&tx).0, want.0);
        tx.commit().unwrap();
        let (n, sum, _) = rows(&plain);
        assert_eq!((n, sum), (want.0, want.1));
        let check = |c: &Connection| -> String {
            c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(check(&plain), "ok");
        assert_eq!(check(&reader), "ok");
        w.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        drop((w, reader));
        assert_eq!(check(&plain), "ok");
        assert_eq!(rows(&plain).1, want.1);
    }
}
