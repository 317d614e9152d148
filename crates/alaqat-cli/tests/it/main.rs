//! End-to-end tests of the `alaqat` binary: every test runs the built binary on files in a
//! temporary directory and checks its exit code, its messages and the exported JSON.

mod backend;
mod bad_input;
mod check;
mod commands;
mod corpus;
mod crash;
mod export;
mod hostile;
mod people;
mod pgstore;
mod search;
mod seeds;
mod serve;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The binary with a store in `data` and no inherited ALAQAT_DATA or ALAQAT_STORE.
fn alaqat(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("alaqat").expect("binary built");
    cmd.env_remove("ALAQAT_DATA").env_remove("ALAQAT_STORE").arg("--data").arg(data);
    cmd
}

/// Writes `bytes` to `dir/name` and returns the path.
fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs `alaqat export --format json` and parses it.
fn export(data: &Path) -> Value {
    let out = alaqat(data).args(["export", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "export failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("export is one JSON object")
}

/// The texts of the exported documents' sources, by last path segment.
fn source_names(export: &Value) -> Vec<String> {
    export["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["source"].as_str().unwrap().rsplit('/').next().unwrap().to_owned())
        .collect()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

// Fixture texts, written for these tests.
const GOOD_AR: &str = "أجرى وزير الخارجية السعودي اتصالاً هاتفياً بنظيره الكازاخستاني يوم الثلاثاء، وبحث الجانبان تطوير التعاون الاقتصادي بين البلدين.\n";
const GOOD_AR_2: &str = "استقبل رئيس جمهورية أوزبكستان في طشقند وفداً من رجال الأعمال الكويتيين، وجرى توقيع مذكرة تفاهم في مجال الطاقة المتجددة.\n";
const GOOD_EN: &str = "The foreign ministers of Qatar and Turkey met in Doha on Monday and agreed to expand cooperation in trade and defense.\n";
