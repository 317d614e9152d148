//! RSS 2.0 and Atom feeds: one document per entry.

use alaqat_model::Format;

use crate::{read_all, write};

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>أخبار</title><link>https://example.org</link><description>d</description>
<item>
  <title>افتتاح معرض</title>
  <link>https://example.org/1</link>
  <pubDate>Fri, 19 Dec 2025 01:00:00 +0300</pubDate>
  <description>&lt;p&gt;افتتح الوزير معرضا للصناعات المحلية &amp;amp; الحرف.&lt;/p&gt;&lt;p&gt;ويستمر المعرض أسبوعا.&lt;/p&gt;</description>
</item>
<item>
  <title>بلا رابط</title>
  <content:encoded><![CDATA[<div>نص من <b>المحتوى</b> الكامل</div>]]></content:encoded>
</item>
</channel></rss>"#;

#[test]
fn rss_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "news.rss", RSS);
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].format, Format::Feed);
    assert_eq!(docs[0].source, "https://example.org/1");
    assert_eq!(docs[0].url.as_deref(), Some("https://example.org/1"));
    assert_eq!(docs[0].title.as_deref(), Some("افتتاح معرض"));
    assert_eq!(docs[0].text, "افتتح الوزير معرضا للصناعات المحلية & الحرف.\nويستمر المعرض أسبوعا.");
    // The calendar date in the feed's own offset, not in UTC.
    assert_eq!(docs[0].published.unwrap().value_string(), "2025-12-19");
    assert_eq!(docs[1].source, format!("{}#2", path.display()));
    assert_eq!(docs[1].text, "نص من المحتوى الكامل");
    assert_eq!(docs[1].published, None);
}

#[test]
fn atom_entries() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id><updated>2025-01-01T00:00:00Z</updated>
<entry><title>الأول</title><id>urn:1</id><link href="https://example.org/e1"/><updated>2025-03-02T10:00:00Z</updated><published>2025-03-01T21:00:00-05:00</published>
<summary>ملخص الخبر الأول</summary></entry>
<entry><title>الثاني</title><id>urn:2</id><updated>2025-03-04T10:00:00Z</updated>
<content type="html">&lt;p&gt;محتوى الخبر الثاني&lt;/p&gt;</content></entry>
</feed>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "news.atom", atom);
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].source, "https://example.org/e1");
    assert_eq!(docs[0].text, "ملخص الخبر الأول");
    assert_eq!(docs[0].published.unwrap().value_string(), "2025-03-01");
    assert_eq!(docs[1].text, "محتوى الخبر الثاني");
    // No published date: the updated date is used.
    assert_eq!(docs[1].published.unwrap().value_string(), "2025-03-04");
    assert_eq!(docs[1].source, format!("{}#2", path.display()));
}
