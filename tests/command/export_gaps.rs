//! Real exports that used to be read wrongly without a loud word (issue
//! 11): every gap is now said in coverage and counted on stderr.

use crate::common::*;

/// A Facebook HTML export whose posts page holds entries in a markup no
/// reader knows: the file is not silently `parsed`.
#[test]
fn a_content_file_that_gives_no_records_is_a_warning_in_coverage_and_on_stderr() {
    let d = tempfile::tempdir().unwrap();
    let export = d.path().join("facebook-northdale-2017");
    write_folder(
        &export,
        &[
            (
                "html/messages.htm".into(),
                br#"<html><body><div class="contents"><h1>Northdale NHS</h1></div></body></html>"#
                    .to_vec(),
            ),
            (
                "posts/your_posts_1.html".into(),
                br#"<html><body><div class="post"><p>Flu clinic on Saturday</p></div></body></html>"#
                    .to_vec(),
            ),
        ],
    );
    let r = scan(d.path(), &[&export], &[]);
    let (_, status, detail) = r
        .cov()
        .into_iter()
        .find(|c| c.0 == "posts/your_posts_1.html")
        .unwrap();
    assert_eq!(status, "parsed");
    assert!(detail.contains("no records were read"), "{detail}");
    assert!(
        r.stderr.contains(
            "warning: facebook-northdale-2017: posts/your_posts_1.html: no records were read"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("2 content files gave no records"),
        "{}",
        r.stderr
    );
}
