//! `social-audit handover` and the handover section of `--summary`
//! (src/report/handover.rs): for the bundled sample, the checklist names
//! the connected app, the personal account e-mail and the handle and
//! e-mail changes fixtures/make_fixture.py plants, each linked to the
//! finding the scan wrote.

use crate::common::*;
use std::path::Path;

const ZIP: &str = "fixtures/twitter-2024-11-16-northdale.zip";

/// The HTML of one checklist item of the first account.
fn item<'a>(page: &'a str, key: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"handover-1-{key}\""))
        .unwrap_or_else(|| panic!("no item {key}"));
    let rest = &page[start..];
    let end = rest[1..]
        .find("id=\"handover-1-")
        .map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

fn finding_id(r: &Run, rule: &str) -> String {
    let (ru, id) = (r.column("rule_id"), r.column("finding_id"));
    r.findings
        .iter()
        .find(|f| &f[ru] == rule)
        .unwrap_or_else(|| panic!("no {rule} finding"))[id]
        .to_string()
}

#[test]
fn checklist_lists_the_fixture_app_and_personal_email() {
    let d = tempfile::tempdir().unwrap();
    let r = scan(d.path(), &[Path::new(ZIP)], &[]);
    let app = finding_id(&r, "account.connected-app");
    let email = finding_id(&r, "account.non-corporate-email");

    let page_path = d.path().join("handover.html");
    let o = bin()
        .args(["handover", ZIP, "-o"])
        .arg(&page_path)
        .arg("--no-config")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("NorthdaleNHS (twitter)"), "{stderr}");
    let page = std::fs::read_to_string(&page_path).unwrap();

    let apps = item(&page, "connected-apps");
    assert!(apps.contains("data-status=\"act\""), "{apps}");
    assert!(apps.contains("QuickPost Scheduler"), "{apps}");
    assert!(
        apps.contains("permissions read,write,directmessages"),
        "{apps}"
    );
    assert!(apps.contains("approved 2023-02-13"), "{apps}");
    assert!(apps.contains(&format!("href=\"#finding-{app}\"")), "{apps}");

    let contact = item(&page, "email-phone");
    assert!(contact.contains("northdale.comms@gmail.com"), "{contact}");
    assert!(
        contact.contains("not on an organisation domain"),
        "{contact}"
    );
    assert!(
        contact.contains(&format!("href=\"#finding-{email}\"")),
        "{contact}"
    );

    // Each change is a dated line linked to its finding; both files were
    // read, so neither is pointed at.
    let rename = finding_id(&r, "account.handle-changed");
    let remail = finding_id(&r, "account.email-changed");
    let changes = item(&page, "changes");
    assert!(changes.contains("data-status=\"act\""), "{changes}");
    let handle = changes
        .find("handle @NorthdaleHosp → @NorthdaleNHS")
        .unwrap_or_else(|| panic!("{changes}"));
    let mail = changes
        .find("e-mail socialmedia@northdale.nhs.uk → northdale.comms@gmail.com")
        .unwrap_or_else(|| panic!("{changes}"));
    assert!(handle < mail, "oldest first: {changes}");
    assert!(changes.contains("(2019-03-04)") && changes.contains("(2023-02-13)"));
    for id in [&rename, &remail] {
        assert!(
            changes.contains(&format!("href=\"#finding-{id}\"")),
            "{changes}"
        );
    }
    assert!(!changes.contains("data/screen-name-change.js"), "{changes}");

    // The DM with an NHS number is to review; the deleted post is not live.
    let dm = finding_id(&r, "patient.date-of-birth");
    assert!(item(&page, "messages").contains(&format!("#finding-{dm}")));
    let deleted = finding_id(&r, "personal.email");
    assert!(!item(&page, "live-posts").contains(&deleted));
    assert!(item(&page, "last-post").contains("Last post 2024-11-"));

    // Every link has its target on the page.
    for id in [&app, &email, &dm, &rename, &remail] {
        assert!(page.contains(&format!("id=\"finding-{id}\"")), "{id}");
    }
    // The same run twice gives the same page.
    let again = d.path().join("again.html");
    bin()
        .args(["handover", ZIP, "-q", "--no-config", "-j", "1", "-o"])
        .arg(&again)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&again).unwrap(), page);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&page_path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
}

#[test]
fn summary_page_carries_the_same_checklist() {
    let d = tempfile::tempdir().unwrap();
    let summary = d.path().join("summary.html");
    let r = scan(
        d.path(),
        &[Path::new(ZIP)],
        &["--summary", summary.to_str().unwrap()],
    );
    let page = std::fs::read_to_string(&summary).unwrap();
    assert!(page.contains("<section id=\"handover\">"));
    let app = finding_id(&r, "account.connected-app");
    assert!(item(&page, "connected-apps").contains(&format!("#finding-{app}")));
    // The link lands on the finding's row in the findings table.
    assert!(page.contains(&format!("<tr id=\"finding-{app}\">")));
    assert!(item(&page, "email-phone").contains("northdale.comms@gmail.com"));
}

#[test]
fn handover_never_writes_over_its_input() {
    let d = tempfile::tempdir().unwrap();
    let zip = d.path().join("a.zip");
    std::fs::copy(ZIP, &zip).unwrap();
    let before = std::fs::read(&zip).unwrap();
    let o = bin()
        .args(["handover", "--no-config", "-o"])
        .arg(&zip)
        .arg(&zip)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&zip).unwrap(), before);
    let o = bin()
        .args(["handover", "--no-config", "-o"])
        .arg(d.path().join("h.html"))
        .arg(d.path().join("missing"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!d.path().join("h.html").exists());
}
