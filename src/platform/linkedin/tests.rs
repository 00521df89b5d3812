use super::records::unwrap_lines;
use super::*;
use crate::platform::meta::testing::{Scanned, scan, write_tree};
use crate::record::RecordKind;
use crate::vocab::Field;

const SHARES: &str = "\u{FEFF}Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n\
2024-01-15 10:22:33,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7152001,\"Proud of our \"\"Ward 7\"\" team.\"\"\n\
\"\"\"\"\n\
\"\"Thank you all.\",https://www.northdale.nhs.uk/news,https://media.licdn.com/dms/image/abc,PUBLIC\n\
2024-02-30 09:00:00,https://www.linkedin.com/feed/update/urn:li:ugcPost:7152002,Flu clinic this Saturday,,,CONNECTIONS\n";

const COMMENTS: &str = "Date,Link,Message\n\
2024-01-16 08:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7152100,\"She said \\\"well done\\\" to the team.\n\
Second line.\"\n";

const MESSAGES: &str = "\"CONVERSATION ID\",\"CONVERSATION TITLE\",\"FROM\",\"SENDER PROFILE URL\",\"TO\",\"RECIPIENT PROFILE URLS\",\"DATE\",\"SUBJECT\",\"CONTENT\",\"FOLDER\",\"ATTACHMENTS\",\"IS MESSAGE DRAFT\"\n\
2-YjA3ZTk1==,,Alex Comms,https://www.linkedin.com/in/alex,Sam Doe,https://www.linkedin.com/in/sam,2024-01-17 12:00:00 UTC,Rota,\"Can you cover Ward 7 on Friday?\",INBOX,https://www.linkedin.com/dms/att1,No\n\
2-YjA3ZTk1==,,Recruiter,https://www.linkedin.com/in/r,Alex Comms,https://www.linkedin.com/in/alex,2024-01-18 09:30:00 UTC,,\"<p>Hello<br>See <a href=\"\"https://jobs.example/1\"\">this</a></p>\",INBOX,,No\n";

const PROFILE: &str = "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n\
Alex,Comms,,1 Secret St,Jan 1,Head of Communications at Northdale NHS Trust,\"Telling the story of our hospitals.\",Hospitals,NE1 1AA,\"Newcastle upon Tyne, England\",[northdale],\"[COMPANY:https://www.northdale.nhs.uk,PERSONAL:www.alexcomms.example]\",\n";

const CONNECTIONS: &str = "Notes:\n\
\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\
\n\
First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
Sam,Doe,https://www.linkedin.com/in/sam,,Northdale,Nurse,15 Jan 2024\n";

const ARTICLE: &str = "<html><head><title>Winter pressures</title><style>p{}</style></head><body>\n\
<img src=\"https://media.licdn.com/x\" alt=\"\" title=\"\" />\n\
<h1><a href=\"https://www.linkedin.com/pulse/winter-pressures-alex-comms-abc1f\">Winter pressures</a></h1>\n\
<p class=\"created\">Created on 2024-01-20 10:00</p>\n\
<p class=\"published\">Published on 2024-01-21 08:15</p>\n\
<div><p>Our emergency department saw record numbers.</p><p>Read more at <a href=\"https://www.northdale.nhs.uk/winter\">our site</a>.</p></div>\n\
</body></html>";

fn export(root: &Path) {
    write_tree(
        root,
        &[
            ("Shares.csv", SHARES.as_bytes()),
            ("Comments_12345.csv", COMMENTS.as_bytes()),
            ("messages.csv", MESSAGES.as_bytes()),
            ("Profile.csv", PROFILE.as_bytes()),
            ("Profile Summary.csv", b"Profile Summary\n\"About: comms lead.\"\n"),
            (
                "Rich_Media.csv",
                b"Date/Time,Media Description,Media Link\n\"You uploaded a photo on April 12, 2024 at 8:03 AM (GMT)\",\"Team photo at the new clinic\",https://www.linkedin.com/dms/rm1\n",
            ),
            (
                "Email Addresses.csv",
                b"Email Address,Confirmed,Primary,Updated On\nalex.comms@gmail.com,Yes,Yes,01/15/24, 10:22 AM\ncomms@northdale.nhs.uk,Yes,No,\n",
            ),
            ("PhoneNumbers.csv", b"Extension,Number,Type\n,07700 900123,Mobile\n"),
            ("Connections.csv", CONNECTIONS.as_bytes()),
            ("Invitations.csv", b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"),
            ("Reactions_12345.csv", b"Date,Type,Link\n2024-01-01 10:00:00,LIKE,https://www.linkedin.com/x\n"),
            ("Jobs/Saved Jobs.csv", b"Saved Date,Job Url,Job Title,Company Name\n"),
            ("Mystery.csv", b"Alpha,Beta\n1,2\n"),
            ("Articles/Articles/winter-pressures-abc1f.html", ARTICLE.as_bytes()),
            ("readme.txt", b"hello"),
        ],
    );
}

fn read(root: &Path) -> Scanned {
    let s = scan(root).expect("recognised");
    assert_eq!(s.platform, Platform::Linkedin);
    s
}

fn time(r: &Record) -> String {
    r.created_at.map(|t| t.to_string()).unwrap_or_default()
}

fn skipped(s: &Scanned, entry: &str, why: &str) {
    match s.disposition(entry) {
        Disposition::Skipped(r) => assert!(r.contains(why), "{entry}: {r}"),
        d => panic!("{entry}: {d:?}"),
    }
}

#[test]
fn an_export_is_recognised_by_its_headers_and_every_file_is_accounted_for() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("Basic_LinkedInDataExport_01-22-2024");
    export(&root);
    let s = read(&root);
    assert_eq!(s.account, "Alex Comms", "from Profile.csv");
    assert_eq!(
        s.layout,
        "LinkedIn data export: 13 CSV files, 8 with records, 1 article page"
    );
    for parsed in [
        "Shares.csv",
        "Comments_12345.csv",
        "messages.csv",
        "Profile.csv",
        "Profile Summary.csv",
        "Rich_Media.csv",
        "Email Addresses.csv",
        "PhoneNumbers.csv",
        "winter-pressures-abc1f.html",
    ] {
        assert_eq!(s.disposition(parsed), &Disposition::Parse, "{parsed}");
    }
    skipped(&s, "Connections.csv", "connections");
    skipped(&s, "Invitations.csv", "invitations");
    skipped(&s, "Reactions_12345.csv", "reacted");
    skipped(&s, "Saved Jobs.csv", "job-seeking");
    assert_eq!(s.disposition("Mystery.csv"), &Disposition::Unknown);
    assert_eq!(s.disposition("readme.txt"), &Disposition::Unknown);
    assert!(s.failures().is_empty(), "{:?}", s.failures());
    assert!(LinkedIn.claims_folder(&root));
}

#[test]
fn shares_are_posts_with_permalinks_utc_times_and_clean_multi_line_text() {
    let d = tempfile::tempdir().unwrap();
    export(d.path());
    let s = read(d.path());
    let posts = s.of("Shares.csv");
    assert_eq!(posts.len(), 2);
    let p = posts[0];
    assert_eq!(p.kind, RecordKind::Post);
    assert_eq!(p.id, "urn:li:share:7152001");
    assert_eq!(
        p.url,
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7152001"
    );
    assert_eq!(time(p), "2024-01-15T10:22:33Z");
    assert_eq!(
        p.field(Field::Text),
        Some("Proud of our \"Ward 7\" team.\n\nThank you all."),
        "the stray quotes LinkedIn writes around inner line breaks are removed"
    );
    let links: Vec<&str> = p
        .fields
        .iter()
        .filter(|f| f.name == Field::Link)
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(
        links,
        [
            "https://www.northdale.nhs.uk/news",
            "https://media.licdn.com/dms/image/abc"
        ]
    );
    assert_eq!(p.account, "Alex Comms");
    let bad = posts[1];
    assert_eq!(bad.id, "urn:li:ugcPost:7152002");
    assert_eq!(bad.created_at, None, "30 February");
    let out = s.outcome("Shares.csv");
    assert_eq!(out.records, 2);
    assert_eq!(
        out.warnings,
        [
            "1 date could not be read (first on line 5: \"2024-02-30 09:00:00\"); created_at left empty"
        ]
    );
}

#[test]
fn comments_read_backslash_escaped_quotes_and_link_the_post() {
    let d = tempfile::tempdir().unwrap();
    export(d.path());
    let s = read(d.path());
    let c = s.of("Comments_12345.csv");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].kind, RecordKind::Comment);
    assert_eq!(c[0].id, "2", "the row's line");
    assert_eq!(
        c[0].field(Field::Text),
        Some("She said \"well done\" to the team.\nSecond line.")
    );
    assert_eq!(
        c[0].url,
        "https://www.linkedin.com/feed/update/urn:li:activity:7152100"
    );
    assert_eq!(time(c[0]), "2024-01-16T08:00:00Z");
}

#[test]
fn messages_are_direct_messages_with_sender_subject_and_thread_link() {
    let d = tempfile::tempdir().unwrap();
    export(d.path());
    let s = read(d.path());
    let m = s.of("messages.csv");
    assert_eq!(m.len(), 2);
    assert!(m.iter().all(|r| r.kind == RecordKind::Dm));
    assert_eq!(m[0].field(Field::Sender), Some("Alex Comms"));
    assert_eq!(m[0].field(Field::Title), Some("Rota"));
    assert_eq!(
        m[0].field(Field::Text),
        Some("Can you cover Ward 7 on Friday?")
    );
    assert_eq!(
        m[0].field(Field::Link),
        Some("https://www.linkedin.com/dms/att1")
    );
    assert_eq!(
        m[0].url,
        "https://www.linkedin.com/messaging/thread/2-YjA3ZTk1==/"
    );
    assert_eq!(time(m[0]), "2024-01-17T12:00:00Z");
    assert_eq!(
        m[1].field(Field::Text),
        Some("Hello\nSee this"),
        "HTML content"
    );
    assert_eq!(m[1].field(Field::Link), Some("https://jobs.example/1"));
}

#[test]
fn profile_media_and_account_facts() {
    let d = tempfile::tempdir().unwrap();
    export(d.path());
    let s = read(d.path());
    let p = s.of("Profile.csv")[0];
    assert_eq!(p.kind, RecordKind::Profile);
    assert_eq!(p.id, "Alex Comms");
    assert_eq!(
        p.field(Field::Title),
        Some("Head of Communications at Northdale NHS Trust")
    );
    assert_eq!(
        p.field(Field::Bio),
        Some("Telling the story of our hospitals.")
    );
    assert_eq!(
        p.field(Field::Location),
        Some("Newcastle upon Tyne, England")
    );
    let sites: Vec<&str> = p
        .fields
        .iter()
        .filter(|f| f.name == Field::Website)
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(
        sites,
        ["https://www.northdale.nhs.uk", "www.alexcomms.example"]
    );
    assert_eq!(
        s.of("Profile Summary.csv")[0].field(Field::Bio),
        Some("About: comms lead.")
    );

    let m = s.of("Rich_Media.csv")[0];
    assert_eq!(m.kind, RecordKind::Media);
    assert_eq!(m.field(Field::Text), Some("Team photo at the new clinic"));
    assert_eq!(m.url, "https://www.linkedin.com/dms/rm1");
    assert_eq!(time(m), "2024-04-12T08:03:00Z");

    let e = s.of("Email Addresses.csv");
    assert_eq!(e.len(), 1, "one account record for the file");
    assert_eq!(e[0].kind, RecordKind::Account);
    let emails: Vec<&str> = e[0]
        .fields
        .iter()
        .filter(|f| f.name == Field::Email)
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(emails, ["alex.comms@gmail.com", "comms@northdale.nhs.uk"]);
    assert_eq!(
        s.of("PhoneNumbers.csv")[0].field(Field::Phone),
        Some("07700 900123")
    );
}

#[test]
fn an_article_page_is_a_post_with_title_body_and_publication_time() {
    let d = tempfile::tempdir().unwrap();
    export(d.path());
    let s = read(d.path());
    let a = s.of("winter-pressures-abc1f.html")[0];
    assert_eq!(a.kind, RecordKind::Post);
    assert_eq!(a.id, "winter-pressures-abc1f");
    assert_eq!(
        a.url,
        "https://www.linkedin.com/pulse/winter-pressures-alex-comms-abc1f"
    );
    assert_eq!(a.field(Field::Title), Some("Winter pressures"));
    assert_eq!(
        a.field(Field::Text),
        Some("Our emergency department saw record numbers.\n\nRead more at our site.")
    );
    assert_eq!(
        a.field(Field::Link),
        Some("https://www.northdale.nhs.uk/winter")
    );
    assert_eq!(time(a), "2024-01-21T08:15:00Z");
}

#[test]
fn loose_csvs_with_linkedin_headers_are_an_export_and_others_are_not() {
    let d = tempfile::tempdir().unwrap();
    let loose = d.path().join("exports");
    write_tree(&loose, &[("my-posts.csv", SHARES.as_bytes())]);
    assert!(LinkedIn.claims_folder(&loose));
    let s = read(&loose);
    assert_eq!(s.account, "exports", "no Profile.csv: the folder's name");
    assert_eq!(s.of("my-posts.csv").len(), 2);

    // Beside other exports' zips, a loose LinkedIn CSV does not make the
    // folder one export: each zip is still offered on its own.
    write_tree(&loose, &[("twitter-2024.zip", b"PK\x05\x06")]);
    assert!(!LinkedIn.claims_folder(&loose));

    let other = d.path().join("other");
    write_tree(
        &other,
        &[
            (
                "a.csv",
                b"Date,Link,Message\n2024-01-01,https://example.org,hi\n",
            ),
            ("b.csv", b"Name,Value\nx,1\n"),
        ],
    );
    assert!(!LinkedIn.claims_folder(&other));
    let archive = Archive::open(&other, &crate::archive::Limits::default()).unwrap();
    assert!(LinkedIn.open(&archive).is_none());
}

#[test]
fn an_article_linking_to_facebook_does_not_make_the_export_facebooks() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[
            ("Shares.csv", SHARES.as_bytes()),
            (
                "Articles/Articles/follow-us.html",
                b"<html><body><h1><a href=\"https://www.linkedin.com/pulse/x\">Follow us</a></h1>\
                  <div><p>We are on https://www.facebook.com/northdale too</p></div></body></html>",
            ),
        ],
    );
    let s = read(d.path());
    assert_eq!(s.of("follow-us.html").len(), 1);
}

#[test]
fn a_truncated_csv_fails_naming_the_file_while_other_files_still_read() {
    let d = tempfile::tempdir().unwrap();
    export(d.path());
    // Cut inside the quoted commentary of the second row.
    let cut = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n\
        2024-01-15 10:22:33,https://www.linkedin.com/feed/update/urn:li:share:1,Fine,,,PUBLIC\n\
        2024-01-16 10:22:33,https://www.linkedin.com/feed/update/urn:li:share:2,\"Patient on Ward";
    write_tree(d.path(), &[("Shares.csv", cut.as_bytes())]);
    let s = read(d.path());
    let out = s.outcome("Shares.csv");
    assert_eq!(
        out.error.as_deref(),
        Some("Shares.csv ends inside a quoted field (row on line 3): truncated file?")
    );
    assert_eq!(out.records, 2, "rows read before the cut are still scanned");
    assert_eq!(s.failures().len(), 1, "{:?}", s.failures());
    assert_eq!(s.of("messages.csv").len(), 2);

    // Cut in the middle of an unquoted row.
    let cut = "Date,Link,Message\n2024-01-16 08:00:00,https://www.linkedin.com/feed/update/urn:li:activity:1,ok\n2024-01-17 08:00:00,https://www.linkedin";
    write_tree(d.path(), &[("Comments_12345.csv", cut.as_bytes())]);
    let s = read(d.path());
    let e = s.outcome("Comments_12345.csv").error.clone().unwrap();
    assert_eq!(
        e,
        "Comments_12345.csv ends in the middle of the row on line 3 (2 of 3 columns): truncated file?"
    );
}

#[test]
fn a_header_without_rows_and_bad_bytes_are_warnings() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n\
        2024-01-15 10:22:33,https://www.linkedin.com/feed/update/urn:li:share:1,caf"
        .to_vec();
    bytes.extend(b"\xE9 open,,,PUBLIC\n");
    write_tree(
        d.path(),
        &[
            ("Shares.csv", &bytes),
            (
                "guide_messages.csv",
                b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n",
            ),
        ],
    );
    let s = read(d.path());
    let empty = s.outcome("guide_messages.csv");
    assert_eq!(empty.error, None);
    assert_eq!(empty.warnings, ["no rows after the header: 0 records"]);
    let shares = s.outcome("Shares.csv");
    assert_eq!(shares.error, None);
    assert_eq!(
        shares.warnings,
        ["1 row has invalid UTF-8 (first on line 2); those bytes were replaced"]
    );
    assert_eq!(
        s.of("Shares.csv")[0].field(Field::Text),
        Some("caf\u{FFFD} open")
    );
}

#[test]
fn the_line_break_quirk_is_undone_only_when_every_break_has_it() {
    assert_eq!(unwrap_lines("one line"), "one line");
    assert_eq!(unwrap_lines("a\"\n\"\"\n\"b"), "a\n\nb");
    assert_eq!(unwrap_lines("a\"\r\n\"b"), "a\nb");
    assert_eq!(
        unwrap_lines("He said \"hi\"\nand left"),
        "He said \"hi\"\nand left",
        "an ordinary multi-line text is left alone"
    );
}

#[test]
fn file_names_are_compared_without_member_ids_or_spacing() {
    assert_eq!(stem("Shares_7789716.csv"), "shares");
    assert_eq!(stem("Basic/Company Follows.csv"), "companyfollows");
    assert_eq!(stem("Ad_Targeting.csv"), "adtargeting");
    assert_eq!(stem("Rich Media.csv"), "richmedia");
}

/// The real samples (docs/FORMATS.md, "LinkedIn"): adversarial fixtures of
/// a parser's test suite, loose in one folder and not named like LinkedIn's
/// files, so only their headers can say what they are.
#[test]
#[cfg_attr(
    not(shared_samples),
    ignore = "needs the real export samples in ../shared/formats, not beside this checkout"
)]
fn the_real_samples_read_by_header() {
    let dirs = crate::platform::meta::testing::sample_dirs("linkedin");
    let root = dirs[0].join("tests/fixtures");
    let s = read(&root);
    assert!(s.failures().is_empty(), "{:?}", s.failures());
    skipped(&s, "connections-parity.csv", "connections");
    let shares = s.of("shares-parity.csv");
    assert_eq!(shares.len(), 6);
    assert_eq!(
        shares[0].field(Field::Text),
        Some("He said \"hi\".\n\nNext \"line\" here.")
    );
    assert_eq!(
        shares[0].field(Field::Link),
        Some("https://example.com/post")
    );
    assert_eq!(time(shares[3]), "2026-04-02T07:15:00Z", "with a UTC suffix");
    assert_eq!(shares[4].created_at, None, "30 February");
    let comments = s.of("comments-parity.csv");
    assert_eq!(comments.len(), 5);
    assert!(
        comments[0]
            .field(Field::Text)
            .unwrap()
            .starts_with("She wrote \"great post\" yesterday.\n"),
        "{:?}",
        comments[0].field(Field::Text)
    );
    let messages = s.of("messages-parity.csv");
    assert_eq!(messages.len(), 3);
    assert_eq!(messages[0].field(Field::Text), Some("He said \"hello\""));
    assert_eq!(messages[0].field(Field::Sender), Some("Ada"));
}

#[test]
fn a_quote_left_open_does_not_load_the_rest_of_the_file_as_one_cell() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n\
        2024-01-15 10:22:33,https://www.linkedin.com/feed/update/urn:li:share:1,ok,,,PUBLIC\n\
        2024-01-16 10:22:33,https://www.linkedin.com/feed/update/urn:li:share:2,\"never closed"
        .to_vec();
    bytes.resize(bytes.len() + (table::MAX_ROW as usize) + (2 << 20), b'x');
    write_tree(d.path(), &[("Shares.csv", &bytes)]);
    let s = read(d.path());
    let out = s.outcome("Shares.csv");
    let e = out.error.as_deref().unwrap();
    assert!(
        e.starts_with("Shares.csv: read stopped after 1 rows:") && e.contains("longer than"),
        "{e}"
    );
    assert_eq!(out.records, 1);
}
