//! Dev tool: extracts one text given on the command line and prints what it found.
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let x = alaqat_extract::extract_text(&text, None);
    for m in &x.mentions {
        println!("M {} {}", m.entity, &text[m.span.start..m.span.end]);
    }
    for d in &x.dates {
        println!("D {} {:?}", &text[d.span.start..d.span.end], d.value);
    }
    for e in &x.events {
        println!(
            "E {} {}->{} {:?} {}",
            e.code,
            e.source.code,
            e.target.code,
            e.date.map(|d| d.start),
            &text[e.trigger.start..e.trigger.end]
        );
    }
    for c in &x.claims {
        println!("C {} {:?} {:?}", c.kind, c.parties, c.value);
    }
}
