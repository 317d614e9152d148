//! Dev tool: prints the actor groups and triggers of sentences containing a word.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap_or_default();
    let x = alaqat_extract::extract_text(&text, None);
    for m in &x.mentions {
        let s = &text[m.span.start..m.span.end];
        if args.len() < 3
            || text[m.span.start.saturating_sub(300)..(m.span.end + 300).min(text.len())].contains(&args[2])
        {
            println!("{:?} {} {}", m.span, m.entity, s);
        }
    }
}
