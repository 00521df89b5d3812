//! LinkedIn's data export ("Basic_LinkedInDataExport_MM-DD-YYYY.zip" or
//! "Complete_…"): one CSV file per kind of data, a few in subfolders, and
//! long-form articles as HTML pages. Format notes: docs/FORMATS.md,
//! "LinkedIn".
//!
//! Files are recognised by their header row, not their names: LinkedIn
//! renames them between exports (`Shares.csv`, `Shares_7789716.csv`) and
//! people hand over loose CSVs. A folder or zip is LinkedIn's when one of
//! its CSVs has a header only LinkedIn writes (posts, messages, profile,
//! connections, uploaded media), or its name says so.

mod records;
mod table;
pub(crate) mod time;

#[cfg(test)]
mod tests;

use super::*;
use std::io::Read;
use table::Header;

pub struct LinkedIn;

const PLATFORM: Platform = Platform::Linkedin;

/// Bytes read from the start of a CSV to find its header.
const SNIFF: u64 = 8 << 10;

/// CSV entries sniffed per archive (a real export has about 40).
const MAX_SNIFFED: usize = 2_000;

/// CSV files sniffed in a folder to decide whether it is an export.
const MAX_FOLDER_SNIFFS: usize = 64;

/// What a file holds, for the files that become records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    /// `Shares.csv`: the member's posts.
    Shares,
    /// `Comments.csv`: comments the member wrote.
    Comments,
    /// `messages.csv` and the other files with its header (LinkedIn's AI
    /// coach chats): direct messages.
    Messages,
    /// `Profile.csv`.
    Profile,
    /// `Profile Summary.csv`: the "About" text alone.
    ProfileSummary,
    /// `Rich_Media.csv`: photos and documents the member uploaded.
    RichMedia,
    /// `Email Addresses.csv`.
    Emails,
    /// `PhoneNumbers.csv`, `Whatsapp Phone Numbers.csv`.
    Phones,
    /// `Articles/…/<slug>.html`: a long-form article.
    Article,
}

/// How strongly a header says "LinkedIn".
fn distinctive(h: &Header) -> bool {
    h.has("ShareCommentary")
        || h.has("ShareLink")
        || (h.has("CONVERSATION ID") && h.has("CONTENT"))
        || (h.has("First Name") && h.has("Headline"))
        || h.has("Connected On")
        || h.has("Media Link")
        || h.has("inviterProfileUrl")
}

/// The kind of records a header's file holds.
fn kind_of(h: &Header) -> Option<Kind> {
    Some(
        if h.has("ShareCommentary") || (h.has("ShareLink") && h.has("Date")) {
            Kind::Shares
        } else if h.has("CONVERSATION ID") && h.has("CONTENT") {
            Kind::Messages
        } else if h.has("First Name") && h.has("Headline") {
            Kind::Profile
        } else if h.len() == 1 && h.has("Profile Summary") {
            Kind::ProfileSummary
        } else if h.has("Media Link") || h.has("Media Description") {
            Kind::RichMedia
        } else if h.has("Email Address") && !h.has("First Name") && !h.has("Contact Email") {
            Kind::Emails
        } else if h.has("Number") && (h.has("Extension") || h.has("Type")) {
            Kind::Phones
        } else if h.has("Date") && h.has("Link") && h.has("Message") {
            Kind::Comments
        } else {
            return None;
        },
    )
}

/// A file name without folders, `.csv`, a trailing `_<digits>` member id,
/// spaces, underscores, hyphens and case: `Shares_7789716.csv` → `shares`,
/// `Company Follows.csv` → `companyfollows`.
fn stem(name: &str) -> String {
    let b = name.rsplit('/').next().unwrap_or(name);
    let b = b
        .get(..b.len().saturating_sub(4))
        .filter(|_| b.to_ascii_lowercase().ends_with(".csv"))
        .unwrap_or(b);
    let b = match b.rsplit_once('_') {
        Some((s, n)) if !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) => s,
        _ => b,
    };
    b.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Why a known file that holds nothing the rules read is skipped.
fn skip_reason(stem: &str) -> Option<&'static str> {
    Some(match stem {
        "connections" => "connections: names, employers and the date each connected",
        "invitations" => "connection invitations sent and received",
        "reactions" => "posts the member reacted to: the reaction and the post's address",
        "votes" => "poll votes: the post's address and the option chosen",
        "instantreposts" => "reposts without a comment: the reposted post's address only",
        "saveditems" => "saved items: addresses only",
        "adtargeting" | "adsclicked" | "lanadsengagement" => "advertising data",
        "inferencesaboutyou" => "LinkedIn's inferences about the member, for advertising",
        "learning" => "LinkedIn Learning courses viewed",
        "learningcoachmessages" => {
            "LinkedIn Learning coach chats in an older form (usually \"No conversations found\")"
        }
        "skills" | "positions" | "education" | "languages" | "honors" | "courses"
        | "certifications" | "projects" | "publications" | "patents" | "volunteering"
        | "testscores" | "organizations" | "causesyoucareabout" => {
            "CV sections (positions, education, skills and similar), not posts"
        }
        "companyfollows" | "memberfollows" | "hashtagfollows" => {
            "pages, members and hashtags followed"
        }
        "endorsementgiveninfo"
        | "endorsementreceivedinfo"
        | "recommendationsgiven"
        | "recommendationsreceived" => "endorsements and recommendations",
        "registration" | "accountstatushistory" | "securitychallenges" | "logins" => {
            "account registration and security events"
        }
        "searchqueries" => "searches the member made",
        "jobapplications"
        | "jobseekerpreferences"
        | "savedjobs"
        | "savedjobalerts"
        | "jobapplicantsavedanswers"
        | "jobapplicantsavedscreeningquestionresponses"
        | "onlinejobpostings" => "job-seeking data",
        "contacts" | "importedcontacts" => "address-book contacts imported by the member",
        "receipts" | "receiptsv2" => "purchase receipts",
        "privateidentityasset" | "verifications" => {
            "identity documents and verifications (private to the member)"
        }
        "events" => "events the member registered for",
        "providers" => "services marketplace listing",
        _ => return None,
    })
}

fn is_csv(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".csv")
}

/// Long-form articles: `Articles/Articles/<slug>.html`.
fn is_article(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.ends_with(".html") || lower.ends_with(".htm"))
        && lower.split('/').any(|c| c == "articles")
}

fn named_export(name: &str) -> bool {
    name.to_ascii_lowercase().contains("linkedindataexport")
}

fn head_of(r: &mut dyn Read) -> Vec<u8> {
    let mut h = Vec::new();
    let _ = r.take(SNIFF).read_to_end(&mut h);
    h
}

/// What a CSV's first bytes make of it.
fn classify(name: &str, head: &[u8]) -> (Result<Kind, Disposition>, bool) {
    let Some(h) = table::header_of(head) else {
        return (Err(by_name(name)), false);
    };
    let linkedin = distinctive(&h)
        || (kind_of(&h) == Some(Kind::Comments)
            && memchr::memmem::find(head, b"linkedin.com").is_some());
    match kind_of(&h) {
        Some(k) => (Ok(k), linkedin),
        None => (
            Err(skip_by_header(&h).unwrap_or_else(|| by_name(name))),
            linkedin,
        ),
    }
}

/// Known files without records, told by their header when the name does
/// not say (a renamed or suffixed copy).
fn skip_by_header(h: &Header) -> Option<Disposition> {
    let stem = if h.has("Connected On") {
        "connections"
    } else if h.has("inviterProfileUrl") {
        "invitations"
    } else {
        return None;
    };
    skip_reason(stem).map(|r| Disposition::Skipped(r.to_string()))
}

fn by_name(name: &str) -> Disposition {
    match skip_reason(&stem(name)) {
        Some(r) => Disposition::Skipped(r.to_string()),
        None => Disposition::Unknown,
    }
}

impl Reader for LinkedIn {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn claims_folder(&self, dir: &Path) -> bool {
        if dir
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(named_export)
        {
            return true;
        }
        let Ok(read) = std::fs::read_dir(dir) else {
            return false;
        };
        let files: Vec<_> = read
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .collect();
        // An export never holds a zip; a folder that does is a folder of
        // many exports, each to be offered on its own, even if a loose
        // LinkedIn CSV lies beside them.
        if files.iter().any(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.to_ascii_lowercase().ends_with(".zip"))
        }) {
            return false;
        }
        files
            .iter()
            .filter(|e| e.file_name().to_str().is_some_and(is_csv))
            .take(MAX_FOLDER_SNIFFS)
            .any(|e| {
                let head = std::fs::File::open(e.path())
                    .map(|mut f| head_of(&mut f))
                    .unwrap_or_default();
                classify(&e.file_name().to_string_lossy(), &head).1
            })
    }

    fn open(&self, archive: &Archive) -> Option<Box<dyn Unit>> {
        let mut kinds = super::EntryKinds::new(archive.entries().len());
        let mut linkedin = archive
            .path()
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(named_export);
        let mut csvs = 0;
        for e in archive.entries() {
            if super::is_mac_junk(e.name) {
                continue;
            }
            let name = e.name.as_str();
            if is_article(&name) {
                kinds.insert(&e, Ok(Kind::Article));
                continue;
            }
            if !is_csv(&name) {
                continue;
            }
            linkedin |= named_export(&name);
            csvs += 1;
            if csvs > MAX_SNIFFED {
                kinds.insert(&e, Err(by_name(&name)));
                continue;
            }
            let head = archive.with_entry(&e, |r| head_of(r)).unwrap_or_default();
            let (kind, distinct) = classify(&name, &head);
            linkedin |= distinct;
            kinds.insert(&e, kind);
        }
        if !linkedin || csvs == 0 {
            return None;
        }
        Some(Box::new(LinkedInUnit::new(archive, kinds)))
    }
}

pub(crate) struct LinkedInUnit {
    /// The member's name from `Profile.csv`, else the export's name.
    account: String,
    layout: String,
    kinds: super::EntryKinds<Kind>,
}

impl LinkedInUnit {
    fn new(archive: &Archive, kinds: super::EntryKinds<Kind>) -> LinkedInUnit {
        let mut account = String::new();
        // The first by name: the list is sorted by name.
        let profile = kinds
            .iter()
            .find(|(_, k)| matches!(k, Ok(Kind::Profile)))
            .and_then(|(at, _)| archive.entries().get(at));
        if let Some(e) = profile {
            table::read(archive, &e, false, &mut |_| {}, &mut |h, row| {
                if account.is_empty() {
                    account = records::full_name(h, &row);
                }
            });
        }
        if account.is_empty() {
            account = export_name(archive);
        }
        let articles = kinds
            .values()
            .filter(|k| matches!(k, Ok(Kind::Article)))
            .count();
        let parsed = kinds.values().filter(|k| k.is_ok()).count() - articles;
        let full = archive
            .path()
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("Complete_"))
            || archive
                .entries()
                .iter()
                .any(|e| e.name.starts_with("Complete_"));
        let layout = format!(
            "LinkedIn data export{}: {} CSV file{}, {parsed} with records{}",
            if full { " (complete)" } else { "" },
            kinds.len() - articles,
            if kinds.len() - articles == 1 { "" } else { "s" },
            if articles > 0 {
                format!(
                    ", {articles} article page{}",
                    if articles == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            }
        );
        LinkedInUnit {
            account,
            layout,
            kinds,
        }
    }
}

/// The zip's or folder's name, without `.zip`.
fn export_name(archive: &Archive) -> String {
    let name = archive
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name.len().checked_sub(4) {
        Some(i) if name.to_ascii_lowercase().ends_with(".zip") => name[..i].to_string(),
        _ => name,
    }
}

impl Unit for LinkedInUnit {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn account(&self) -> &str {
        &self.account
    }

    fn layout(&self) -> String {
        self.layout.clone()
    }

    fn disposition(&self, entry: &Entry<'_>) -> Disposition {
        if super::is_mac_junk(entry.name) {
            return Disposition::Skipped(
                "macOS metadata added when the export was zipped; not part of LinkedIn's export"
                    .into(),
            );
        }
        super::disposition_in(&self.kinds, entry)
    }

    fn read(
        &self,
        archive: &Archive,
        entry: &Entry<'_>,
        emit: &mut dyn FnMut(Record),
    ) -> EntryOutcome {
        let mut out = EntryOutcome::default();
        match self.kinds.get(entry) {
            Some(Ok(Kind::Article)) => records::article(self, archive, entry, &mut out, emit),
            Some(Ok(kind)) => records::table(self, *kind, archive, entry, &mut out, emit),
            _ => out.error = Some(format!("{} is not a file this reader parses", entry.name)),
        }
        out
    }

    fn finish(&self, _emit: &mut dyn FnMut(Record)) -> Vec<String> {
        Vec::new()
    }
}
