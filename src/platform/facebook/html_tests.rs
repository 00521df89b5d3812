//! Facebook HTML pages that used to give nothing or lose records: the
//! pre-2018 wall, timeline and notes pages, pages that were `unknown`,
//! and Messenger messages that are only a photo or a sticker.

use crate::platform::Disposition;
use crate::platform::meta::testing::{scan, write_tree};
use crate::record::RecordKind;
use crate::vocab::Field;

/// `html/wall.htm` of a pre-2018 archive, in the shape Facebook wrote it:
/// each item a `div.meta` date, a line saying what happened and the text
/// in `div.comment`, inside a `<p>` that an HTML5 parser closes early.
const WALL: &str = r#"<html><head><meta charset="UTF-8"><title>Northdale NHS - Wall</title></head><body>
<div class="nav"><img src="../photos/profile.jpg" /><ul><li><a href="../html/wall.htm">Wall</a></li><li><a href="../html/messages.htm">Messages</a></li></ul></div>
<div class="contents"><h1>Northdale NHS</h1><div>
<p><div class="meta">Tuesday, 12 June 2012 at 14:15 UTC+01</div>Northdale NHS updated their status.<div class="comment">Flu clinic on Ward 7 today: bring your NHS number 401 159 0835</div></p>
<p><div class="meta">Monday, 11 June 2012 at 09:00 UTC+01</div>Jane Public wrote on Northdale NHS's timeline.<div class="comment">Thank you to the nurses on the children's ward</div></p>
<p><div class="meta">Sunday, 10 June 2012 at 08:00 UTC+01</div>Northdale NHS shared a link.<a href="https://www.nhs.uk/conditions/flu/">https://www.nhs.uk/conditions/flu/</a></p>
</div></div><div class="footer">Downloaded by Northdale NHS on Friday, 1 December 2017 at 10:00 UTC</div></body></html>"#;

#[test]
fn pre_2018_wall_items_are_posts_with_their_date_title_and_text() {
    let d = tempfile::tempdir().unwrap();
    write_tree(
        d.path(),
        &[
            ("index.htm", b"<html><body>index</body></html>"),
            ("html/wall.htm", WALL.as_bytes()),
            ("html/timeline.htm", WALL.as_bytes()),
        ],
    );
    let s = scan(d.path()).unwrap();
    assert_eq!(s.platform, crate::record::Platform::Facebook);
    for page in ["html/wall.htm", "html/timeline.htm"] {
        let w = s.of(page);
        assert_eq!(w.len(), 3, "{page}: {w:#?}");
        assert!(w.iter().all(|r| r.kind == RecordKind::Post));
        assert_eq!(
            w[0].field(Field::Text),
            Some("Flu clinic on Ward 7 today: bring your NHS number 401 159 0835")
        );
        assert_eq!(
            w[0].field(Field::Title),
            Some("Northdale NHS updated their status.")
        );
        assert_eq!(w[0].created_at.unwrap().to_string(), "2012-06-12T13:15:00Z");
        assert_eq!(
            w[1].field(Field::Title),
            Some("Jane Public wrote on Northdale NHS's timeline.")
        );
        assert_eq!(
            w[2].field(Field::Link),
            Some("https://www.nhs.uk/conditions/flu/")
        );
        let out = s.outcome(page);
        assert_eq!(out.undated, 0);
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }
}

#[test]
fn notes_stories_and_posts_by_others_are_read_not_unknown() {
    let d = tempfile::tempdir().unwrap();
    let bluebar = r#"<html><body><div role="main">
      <div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder">
        <div class="_3-96 _2pio _2lek _2lel">Jane Public wrote on your timeline.</div>
        <div class="_3-96 _2let"><div><div class="_2pin"><div>Ward 7 was wonderful</div></div></div></div>
        <div class="_3-94 _2lem">May 25, 2018, 9:53 PM</div>
      </div></div></body></html>"#;
    write_tree(
        d.path(),
        &[
            ("posts/your_posts_1.html", bluebar.as_bytes()),
            (
                "posts/other_people's_posts_to_your_timeline.html",
                bluebar.as_bytes(),
            ),
            ("posts/notes.html", bluebar.as_bytes()),
            ("stories/archived_stories.html", bluebar.as_bytes()),
            ("html/private_notes.htm", WALL.as_bytes()),
        ],
    );
    let s = scan(d.path()).unwrap();
    for page in [
        "other_people's_posts_to_your_timeline.html",
        "notes.html",
        "archived_stories.html",
        "private_notes.htm",
    ] {
        assert_eq!(s.disposition(page), &Disposition::Parse, "{page}");
        assert!(!s.of(page).is_empty(), "{page}");
    }
    assert_eq!(
        s.of("other_people's_posts_to_your_timeline.html")[0].field(Field::Text),
        Some("Ward 7 was wonderful")
    );
}

#[test]
fn messenger_html_keeps_photo_and_sticker_only_messages() {
    let d = tempfile::tempdir().unwrap();
    let thread = "your_facebook_activity/messages/inbox/janepatient_123";
    let page = r#"<html><body><div class="_a706" role="main">
      <div class="_3-95 _a6-g"><div class="_2ph_ _a6-h _a6-i">Jane Patient</div>
        <div class="_2ph_ _a6-p"><div><div></div><div><div><a href="your_facebook_activity/messages/inbox/janepatient_123/photos/4567.jpg"><img src="your_facebook_activity/messages/inbox/janepatient_123/photos/4567.jpg" class="_a6o_" /></a></div></div></div></div>
        <div class="_3-94 _a6-o"><div class="_a72d">Aug 17, 2025 11:23 am</div></div></div>
      <div class="_3-95 _a6-g"><div class="_2ph_ _a6-h _a6-i">Northdale NHS</div>
        <div class="_2ph_ _a6-p"><div><div></div><div><img src="../../stickers_used/369239263222822.png" /></div></div></div>
        <div class="_3-94 _a6-o"><div class="_a72d">Aug 17, 2025 11:25 am</div></div></div>
      <div class="_3-95 _a6-g"><div class="_2ph_ _a6-h _a6-i">Jane Patient</div>
        <div class="_2ph_ _a6-p"><div>Thanks!</div></div>
        <div class="_3-94 _a6-o"><div class="_a72d">Aug 17, 2025 11:26 am</div></div></div>
    </div></body></html>"#;
    write_tree(
        d.path(),
        &[
            (&format!("{thread}/message_1.html"), page.as_bytes()),
            (&format!("{thread}/photos/4567.jpg"), b"\xFF\xD8\xFF\xD9"),
            (
                "your_facebook_activity/messages/stickers_used/369239263222822.png",
                b"\x89PNG",
            ),
        ],
    );
    let s = scan(d.path()).unwrap();
    let m = s.of("message_1.html");
    assert_eq!(m.len(), 3, "{m:#?}");
    assert!(m.iter().all(|r| r.kind == RecordKind::Dm));
    assert_eq!(m[0].field(Field::MediaName), Some("4567.jpg"));
    assert_eq!(m[0].media, vec![format!("{thread}/photos/4567.jpg")]);
    assert_eq!(m[1].field(Field::MediaName), Some("369239263222822.png"));
    assert_eq!(
        m[1].media,
        vec!["your_facebook_activity/messages/stickers_used/369239263222822.png".to_string()]
    );
    assert_eq!(m[2].field(Field::Text), Some("Thanks!"));
}

#[test]
fn html_dates_in_the_languages_exports_come_in() {
    use crate::platform::meta::html::parse_date;
    let t = |s: &str| parse_date(s).map(|t| t.to_string());
    for (written, utc) in [
        // Spanish, with the abbreviations a real export left undated.
        (
            "martes, 12 de abril de 2016 a las 10:05 UTC+02",
            "2016-04-12T08:05:00Z",
        ),
        ("25 ene. 2018 9:53 p. m.", "2018-01-25T21:53:00Z"),
        ("ago. 3, 2019, 12:10 a. m.", "2019-08-03T00:10:00Z"),
        ("24 dic. 2020 18:00", "2020-12-24T18:00:00Z"),
        // Welsh: "Dydd Mawrth" is Tuesday, "Mawrth" alone is March.
        (
            "Dydd Mawrth, 12 Mehefin 2012 am 14:15 UTC+01",
            "2012-06-12T13:15:00Z",
        ),
        (
            "Dydd Llun, 7 Mawrth 2016 am 09:00 UTC",
            "2016-03-07T09:00:00Z",
        ),
        (
            "wtorek, 12 czerwca 2012 o 14:15 UTC+02",
            "2012-06-12T12:15:00Z",
        ),
        (
            "marți, 12 iunie 2012 la 14:15 UTC+03",
            "2012-06-12T11:15:00Z",
        ),
        ("mardi 12 juin 2012 à 14:15 UTC+02", "2012-06-12T12:15:00Z"),
        (
            "Dienstag, 12. März 2012 um 14:15 UTC+01",
            "2012-03-12T13:15:00Z",
        ),
        (
            "martedì 12 giugno 2012 alle ore 14:15 UTC+02",
            "2012-06-12T12:15:00Z",
        ),
        (
            "terça-feira, 12 de junho de 2012 às 14:15 UTC-03",
            "2012-06-12T17:15:00Z",
        ),
        (
            "dinsdag 12 mrt. 2012 om 14:15 UTC+01",
            "2012-03-12T13:15:00Z",
        ),
        ("12 ਜੂਨ 2012 14:15 UTC+05:30", "2012-06-12T08:45:00Z"),
        ("١٢ جون ٢٠١٢، 2:15 PM", "2012-06-12T14:15:00Z"),
    ] {
        assert_eq!(t(written).as_deref(), Some(utc), "{written}");
    }
    // Still refused: an impossible date, a month name no table knows.
    assert_eq!(t("30 de febrero de 2020 10:00"), None);
    assert_eq!(t("31. heinäkuuta 2016 kello 21:05 UTC+03"), None);
}

#[test]
fn a_spanish_export_is_dated_and_what_is_not_is_counted() {
    let d = tempfile::tempdir().unwrap();
    let entry = |date: &str, text: &str| {
        format!(
            r#"<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder">
            <div class="_3-96 _2pio _2lek _2lel">Northdale NHS actualizó su estado.</div>
            <div class="_3-96 _2let"><div><div class="_2pin"><div>{text}</div></div></div></div>
            <div class="_3-94 _2lem">{date}</div></div>"#
        )
    };
    let page = format!(
        r#"<html><body><div role="main">{}{}{}{}</div></body></html>"#,
        entry("ene. 25, 2018, 9:53 p. m.", "Vacunas contra la gripe"),
        entry("abr. 2, 2018, 10:00 a. m.", "Semana de la salud"),
        entry("dic. 24, 2018, 6:00 p. m.", "Feliz Navidad"),
        entry("hace un rato", "Sin fecha"),
    );
    write_tree(d.path(), &[("posts/your_posts_1.html", page.as_bytes())]);
    let s = scan(d.path()).unwrap();
    let p = s.of("your_posts_1.html");
    assert_eq!(p.len(), 4);
    assert_eq!(p[0].created_at.unwrap().to_string(), "2018-01-25T21:53:00Z");
    assert_eq!(p[1].created_at.unwrap().to_string(), "2018-04-02T10:00:00Z");
    assert_eq!(p[2].created_at.unwrap().to_string(), "2018-12-24T18:00:00Z");
    assert_eq!(p[3].created_at, None);
    assert_eq!(s.outcome("your_posts_1.html").undated, 1);
}

#[test]
fn a_deeply_nested_wall_page_is_read_without_exhausting_the_stack() {
    let depth = 100_000;
    let page = format!(
        r#"<html><body><div class="contents"><p><div class="meta">Tuesday, 12 June 2012 at 14:15 UTC+01</div>{}<div class="comment">deep</div>{}</p></div></body></html>"#,
        "<span>".repeat(depth),
        "</span>".repeat(depth)
    );
    // On a small stack, as the scan's worker threads have.
    let handle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let d = tempfile::tempdir().unwrap();
            write_tree(d.path(), &[("html/wall.htm", page.as_bytes())]);
            scan(d.path()).unwrap().of("wall.htm").len()
        })
        .unwrap();
    assert_eq!(handle.join().unwrap(), 1);
}
