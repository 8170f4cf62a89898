//! The report: the table, the machine it ran on, and docs/benchmarks.md.

use super::*;

pub(super) fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

pub(super) fn chrono_now() -> String {
    Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

pub(super) fn git_head() -> String {
    Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(root())
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

pub(super) fn fmt_stats(v: &Value, digits: usize) -> String {
    format!(
        "{:.digits$} ({:.digits$}–{:.digits$})",
        v["median"].as_f64().unwrap_or(0.0),
        v["min"].as_f64().unwrap_or(0.0),
        v["max"].as_f64().unwrap_or(0.0)
    )
}

pub(super) fn render(rows: &[Row]) -> String {
    let mut s = String::from(
        "| benchmark | ours: median (min–max) | peer: median (min–max) | ratio | target |\n|---|---|---|---|---|\n",
    );
    for r in rows {
        let ratio = r.ratio.map(|x| format!("{x:.2}")).unwrap_or("—".into());
        let target = match (r.target, r.ratio) {
            (Some(t), Some(x)) => format!("≥ {t:.2}{}", if x >= t { " ✓" } else { " ✗" }),
            _ => "—".into(),
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {ratio} | {target} |",
            r.what, r.ours, r.peer
        );
    }
    s
}

pub(super) fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    let mut mem = String::new();
    if let Ok(mut f) = std::fs::File::open("/proc/meminfo") {
        let _ = f.read_to_string(&mut mem);
    }
    let mem = mem.lines().next().unwrap_or("").to_string();
    let tool = |cmd: &str, arg: &str| {
        Command::new(cmd)
            .arg(arg)
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_else(|| "absent".into())
    };
    format!(
        "{} cores, {cpu}; {mem}; {}; Node {}; {}",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0),
        tool("python3", "--version"),
        tool("node", "--version"),
        tool("rustc", "--version")
    )
}

pub(super) const BEGIN: &str = "<!-- bench:begin (written by cargo xtask bench) -->";
pub(super) const END: &str = "<!-- bench:end -->";

/// Write the run between the markers of `docs/benchmarks.md`, keeping the notes around them.
pub(super) fn write_report(table: &str, run: &str, notes: &[String]) -> Result<()> {
    let path = root().join("docs/benchmarks.md");
    std::fs::create_dir_all(path.parent().unwrap())?;
    let mut generated = format!(
        "{BEGIN}\n\nCommand: `cargo xtask bench` (release builds; a fresh server on a temporary SQLite \
         file, and on a fresh PostgreSQL database when `INVITES_TEST_DATABASE_URL` is set).\n\n\
         Machine: {}\n\n{run}\n\n{table}\n",
        machine()
    );
    for n in notes {
        let _ = writeln!(generated, "- {n}");
    }
    generated.push_str(END);
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let text = match (old.find(BEGIN), old.find(END)) {
        (Some(b), Some(e)) if b < e => {
            format!("{}{generated}{}", &old[..b], &old[e + END.len()..])
        }
        _ => format!("# Benchmarks\n\n{generated}\n"),
    };
    std::fs::write(&path, text)?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
