// SPDX-License-Identifier: GPL-2.0
// The Rust toolchain app (tests/toolchains/README.md says what every
// toolchain app does): std::fs on a granted directory, std::env, std::time,
// getrandom through std's HashMap seed, std::process::exit.  Built for
// wasm32-wasi and natively from this one source; the outputs must match.
use std::collections::hash_map::RandomState;
use std::env;
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::process;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

fn list(dir: &Path) {
    let mut names: Vec<String> = Vec::new();
    for entry in fs::read_dir(dir).expect("read_dir") {
        let entry = entry.expect("dir entry");
        let meta = entry.metadata().expect("entry metadata");
        let name = entry.file_name().into_string().expect("utf-8 name");
        if meta.is_dir() {
            names.push(format!("{} dir", name));
        } else {
            names.push(format!("{} file {}", name, meta.len()));
        }
    }
    names.sort();
    println!(
        "list {}: {}",
        dir.file_name().unwrap().to_str().unwrap(),
        names.len()
    );
    for n in names {
        println!("  {}", n);
    }
}

#[inline(never)]
fn toolchain_app_panics(what: &str) {
    panic!("asked to panic: {}", what);
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: {} ROOT EXITCODE [WORD]...", args[0]);
        process::exit(2);
    }
    let root = Path::new(&args[1]);
    let code: i32 = args[2].parse().expect("EXITCODE");
    println!("args: {}", args.len() - 3);
    for a in &args[3..] {
        println!("  [{}]", a);
    }
    let mut vars: Vec<(String, String)> = env::vars().collect();
    vars.sort();
    println!("env: {}", vars.len());
    for (k, v) in &vars {
        println!("  {}={}", k, v);
    }

    let input = fs::read_to_string(root.join("input.txt")).expect("read input.txt");
    println!(
        "input: {} bytes, {} lines",
        input.len(),
        input.lines().count()
    );
    for l in input.lines() {
        println!("  <{}>", l);
    }

    let work = root.join("work");
    fs::create_dir(&work).expect("create_dir work");
    fs::create_dir(work.join("sub")).expect("create_dir sub");
    {
        let mut f = File::create(work.join("a.txt")).expect("create a.txt");
        f.write_all(b"0123456789abcdef").expect("write a.txt");
    }
    {
        let mut f = OpenOptions::new()
            .read(true)
            .write(true)
            .open(work.join("a.txt"))
            .expect("open a.txt");
        f.seek(SeekFrom::Start(10)).expect("seek 10");
        f.write_all(b"XY").expect("write XY");
        f.seek(SeekFrom::Start(0)).expect("seek 0");
        let mut s = String::new();
        f.read_to_string(&mut s).expect("read a.txt");
        println!("a.txt: {}", s);
        let end = f.seek(SeekFrom::End(0)).expect("seek end");
        println!("end: {}", end);
        f.seek(SeekFrom::Current(-4)).expect("seek back");
        let mut tail = [0u8; 4];
        f.read_exact(&mut tail).expect("read tail");
        println!("tail: {}", String::from_utf8_lossy(&tail));
    }
    fs::write(work.join("c.txt"), "third\n").expect("write c.txt");
    fs::rename(work.join("a.txt"), work.join("b.txt")).expect("rename");
    println!("a.txt exists after rename: {}", work.join("a.txt").exists());
    list(&work);
    let meta = fs::metadata(work.join("b.txt")).expect("metadata b.txt");
    println!(
        "b.txt: len {} file {} dir {}",
        meta.len(),
        meta.is_file(),
        meta.is_dir()
    );
    let mtime = meta
        .modified()
        .expect("mtime")
        .duration_since(UNIX_EPOCH)
        .expect("epoch");
    println!(
        "b.txt: mtime after 2020: {}",
        mtime.as_secs() > 1_577_836_800
    );
    fs::remove_file(work.join("c.txt")).expect("remove c.txt");
    fs::remove_dir(work.join("sub")).expect("remove sub");
    list(&work);
    // A directory opened as a File (with the rights std asks for), nested
    // creation and recursive removal.
    let d = File::open(&work).expect("open work as a File");
    println!(
        "work: dir {}",
        d.metadata().expect("work metadata").is_dir()
    );
    fs::create_dir_all(work.join("deep/er/est")).expect("create_dir_all");
    fs::write(work.join("deep/er/f.txt"), "nested\n").expect("write nested");
    fs::copy(work.join("deep/er/f.txt"), work.join("deep/g.txt")).expect("copy");
    list(&work.join("deep"));
    fs::remove_dir_all(work.join("deep")).expect("remove_dir_all");
    println!(
        "deep exists after remove_dir_all: {}",
        work.join("deep").exists()
    );
    match fs::read(work.join("missing")) {
        Ok(_) => println!("missing: found"),
        Err(e) => println!("missing: {:?}", e.kind()),
    }

    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("realtime");
    println!(
        "clock: realtime after 2020: {}",
        now.as_secs() > 1_577_836_800
    );
    let t0 = Instant::now();
    let mut spin = 0u64;
    for i in 0..100000u64 {
        spin = spin.wrapping_add(i * i);
    }
    println!("clock: monotonic: {}", Instant::now() >= t0 && spin > 0);
    // std has no random API: RandomState's keys come from random_get.
    let a = RandomState::new().build_hasher().finish();
    let b = RandomState::new().build_hasher().finish();
    println!("random: seeded: {}", a != 0 || b != 0);

    let summary = format!(
        "args {}\nenv {}\ninput {}\n",
        args.len() - 3,
        vars.len(),
        input.len()
    );
    fs::write(root.join("result.txt"), summary).expect("write result.txt");
    if args[3..].iter().any(|a| a == "panic") {
        toolchain_app_panics("by its arguments");
    }
    println!("exit: {}", code);
    process::exit(code);
}
