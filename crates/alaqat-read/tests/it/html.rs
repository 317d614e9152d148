//! HTML pages: main text, title, and publication dates from meta tags and JSON-LD.

use alaqat_model::{Format, Precision};

use crate::{read_all, write};

const PARAGRAPH_1: &str = "وصل رئيس الوزراء إلى العاصمة في زيارة رسمية تستغرق ثلاثة أيام، يلتقي خلالها عددا من كبار المسؤولين لبحث ملفات التعاون الاقتصادي والاستثمار المشترك بين البلدين.";
const PARAGRAPH_2: &str = "وقال المتحدث باسم الوزارة إن الجانبين سيوقعان عدة اتفاقيات في مجالات الطاقة والنقل والتعليم، مضيفا أن حجم التبادل التجاري شهد نموا ملحوظا خلال الأعوام الأخيرة.";

fn page(head: &str, body_extra: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>عنوان الصفحة | الموقع</title>{head}</head>\
<body><nav><a href=\"/\">الرئيسية</a> <a href=\"/x\">أخبار</a></nav><article><h1>عنوان الخبر</h1><p>{PARAGRAPH_1}</p><p>{PARAGRAPH_2}</p>{body_extra}</article>\
<footer>جميع الحقوق محفوظة</footer><script>var x = 1;</script></body></html>"
    )
}

#[test]
fn main_text_title_and_meta_date() {
    let dir = tempfile::tempdir().unwrap();
    let head = "<meta property=\"og:title\" content=\"زيارة رسمية\"><meta property=\"article:published_time\" content=\"2025-12-18T23:30:00+03:00\"><link rel=\"canonical\" href=\"https://example.org/news/1\">";
    let path = write(dir.path(), "page.html", page(head, ""));
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    let doc = &docs[0];
    assert_eq!(doc.format, Format::Html);
    assert!(doc.text.contains(&format!("{PARAGRAPH_1}\n{PARAGRAPH_2}")), "text: {}", doc.text);
    assert!(!doc.text.contains("var x"), "text: {}", doc.text);
    assert!(!doc.text.contains("\n\n"), "text: {}", doc.text);
    assert_eq!(doc.title.as_deref(), Some("زيارة رسمية"));
    assert_eq!(doc.url.as_deref(), Some("https://example.org/news/1"));
    assert_eq!(doc.source, path.display().to_string());
    let published = doc.published.unwrap();
    assert_eq!((published.value_string().as_str(), published.precision), ("2025-12-18", Precision::Day));
}

#[test]
fn meta_name_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "page.htm", page("<meta name=\"DC.date.issued\" content=\"2025/12/18\">", ""));
    let (docs, _) = read_all(&path);
    assert_eq!(docs[0].published.unwrap().value_string(), "2025-12-18");
    assert_eq!(docs[0].title.as_deref(), Some("عنوان الصفحة | الموقع"));
}

#[test]
fn json_ld_date_in_a_graph() {
    let dir = tempfile::tempdir().unwrap();
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"h","datePublished":"2024-04-20T08:00:00+04:00"}]}</script>"#;
    let path = write(dir.path(), "ld.html", page(ld, ""));
    let (docs, _) = read_all(&path);
    assert_eq!(docs[0].published.unwrap().value_string(), "2024-04-20");
}

#[test]
fn json_ld_array_and_time_element() {
    let dir = tempfile::tempdir().unwrap();
    let ld = r#"<script type="application/ld+json">[{"@type":"NewsArticle","datePublished":"2023-06-01"}]</script>"#;
    write(dir.path(), "a.html", page(ld, ""));
    write(dir.path(), "b.html", page("", "<time datetime=\"2022-02-03T10:00:00Z\">3 فبراير</time>"));
    let (docs, errors) = read_all(dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].published.unwrap().value_string(), "2023-06-01");
    assert_eq!(docs[1].published.unwrap().value_string(), "2022-02-03");
}

#[test]
fn short_page_falls_back_to_body_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "short.html", "<html><body><p>خبر قصير جدا.</p></body></html>");
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].text, "خبر قصير جدا.");
}
