//! Dev tool: prints the trigger and name hits of a text (no events).
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    println!("{}", alaqat_extract::debug_hits(&text));
}
