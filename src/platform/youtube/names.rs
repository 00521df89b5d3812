//! Where a Takeout puts YouTube's files, in the languages whose names are
//! known. Google names folders and files in the account's language
//! ("YouTube and YouTube Music/comments/comments.csv", German "YouTube und
//! YouTube Music/Kommentare/Kommentare.csv", Spanish "YouTube y
//! YouTube\u{a0}Music/…" with a no-break space), so names are only the
//! fallback: a CSV is recognised first by its header (`table.rs`), and a
//! name decides only when the header is unknown or the file is empty.
//! The table of names is in docs/FORMATS.md, "YouTube".

use super::Kind;

/// What the reader does with an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    Read(Kind),
    Skip(&'static str),
    Unknown,
}

pub const WATCHED: &str = "watch and search history: what the account viewed or searched for, \
                           not what it published";
pub const SUBSCRIPTIONS: &str =
    "subscriptions: the channels the account follows, not what it published";
pub const PLAYLIST_ITEMS: &str = "a playlist's list of video ids and when each was added";
pub const MUSIC: &str =
    "YouTube Music library: songs and albums the account saved, not what it published";
pub const URL_CONFIGS: &str = "the channel's custom URL names (handles); no text";
pub const PAGE_SETTINGS: &str = "channel page layout settings; no text";
pub const MODERATION: &str = "the channel's comment moderation settings; no published text";
pub const CHANNEL_IMAGES: &str = "the list of the channel's banner and profile images";
pub const LIKES: &str = "liked videos: other people's content the account interacted with";
pub const PLAYABLES: &str = "save data of YouTube Playables games";
pub const MY_ACTIVITY: &str = "Google My Activity: what the account did across Google (views, \
                               searches, visits), not what it published on YouTube";
pub const INDEX: &str = "Takeout's index page describing the download";
pub const EMPTY: &str = "empty file (0 bytes): nothing to read";

/// Lower case, no-break and narrow spaces as spaces, trimmed: how names
/// and headers are compared.
pub fn norm(s: &str) -> String {
    s.trim_start_matches('\u{feff}')
        .replace(['\u{a0}', '\u{202f}', '\u{2009}'], " ")
        .trim()
        .to_lowercase()
}

/// A path component that is YouTube's product folder ("YouTube and
/// YouTube Music", "YouTube und YouTube Music", pre-2017 "YouTube",
/// d3i's "youtube_takeout").
pub fn is_youtube_folder(component: &str) -> bool {
    norm(component).starts_with("youtube")
}

/// The "My Activity" product folder in the languages seen.
pub fn is_my_activity(component: &str) -> bool {
    matches!(
        norm(component).as_str(),
        "my activity"
            | "meine aktivitäten"
            | "mijn activiteit"
            | "mi actividad"
            | "mes activités"
            | "le mie attività"
            | "minha atividade"
            | "activitatea mea"
            | "mano veikla"
    )
}

/// Takeout's own index page.
pub fn is_takeout_index(file: &str) -> bool {
    matches!(
        norm(file).as_str(),
        "archive_browser.html" | "archiv_übersicht.html" | "archiefbrowser.html"
    )
}

fn stem(file: &str) -> (String, Option<String>) {
    let f = norm(file);
    match f.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() && e.len() <= 5 => {
            // "videos(1).csv": Takeout numbers a file split in parts.
            let s = match s.rsplit_once('(') {
                Some((base, n))
                    if n.ends_with(')') && n[..n.len() - 1].bytes().all(|b| b.is_ascii_digit()) =>
                {
                    base.trim_end()
                }
                _ => s,
            };
            (s.to_string(), Some(e.to_string()))
        }
        _ => (f, None),
    }
}

/// What the names say about a file below YouTube's folder: `folders` are
/// the folders between YouTube's folder and the file.
pub fn by_name(folders: &[&str], file: &str) -> What {
    let (stem, ext) = stem(file);
    let ext = ext.as_deref().unwrap_or("");
    let folders: Vec<String> = folders.iter().map(|f| norm(f)).collect();
    let in_folder = |names: &[&str]| folders.iter().any(|f| names.contains(&f.as_str()));
    if in_folder(&[
        "history",
        "verlauf",
        "geschiedenis",
        "historial",
        "historial de videos",
        "istoric",
        "istorija",
        "historique",
        "cronologia",
        "histórico",
    ]) || matches!(
        stem.as_str(),
        "watch-history"
            | "search-history"
            | "wiedergabeverlauf"
            | "suchverlauf"
            | "kijkgeschiedenis"
            | "zoekgeschiedenis"
    ) {
        return What::Skip(WATCHED);
    }
    if folders
        .iter()
        .chain(std::iter::once(&stem))
        .any(|f| f.starts_with("music") || f.starts_with("musik") || f.starts_with("muziek"))
    {
        return What::Skip(MUSIC);
    }
    if in_folder(&["playables"]) {
        return What::Skip(PLAYABLES);
    }
    match ext {
        "html" | "htm" => {
            return if in_folder(&["my-comments", "meine kommentare", "mijn reacties"]) {
                What::Read(Kind::CommentsHtml)
            } else if in_folder(&[
                "my-live-chat-messages",
                "meine-live-chat-nachrichten",
                "mijn-livechatberichten",
            ]) {
                What::Read(Kind::LiveChatsHtml)
            } else {
                What::Unknown
            };
        }
        "json" if stem == "likes" || stem == "liked videos" => return What::Skip(LIKES),
        "csv" => {}
        e if crate::vocab::VIDEO_EXTENSIONS.contains(&e)
            || super::IMAGE_EXTENSIONS.contains(&e)
            || crate::vocab::AUDIO_EXTENSIONS.contains(&e) =>
        {
            return What::Read(Kind::Media);
        }
        _ => return What::Unknown,
    }
    csv_by_name(&stem)
}

/// CSV files by their stem, in English, German (the sample tree),
/// Dutch, Spanish, Romanian and Lithuanian (the names d3i's data-donation
/// tools recognise).
fn csv_by_name(stem: &str) -> What {
    let is = |names: &[&str]| names.contains(&stem);
    if is(&[
        "comments",
        "kommentare",
        "reacties",
        "comentarios",
        "comentarii",
        "komentarai",
    ]) {
        What::Read(Kind::Comments)
    } else if is(&["live chats", "livechats", "live-chats", "live chat"]) {
        What::Read(Kind::LiveChats)
    } else if is(&[
        "videos",
        "video_s",
        "vídeos",
        "videoclipuri",
        "vaizdo įrašai",
    ]) {
        What::Read(Kind::Videos)
    } else if is(&[
        "video recordings",
        "videoaufzeichnungen",
        "video-opnamen",
        "grabaciones de vídeo",
        "înregistrări video",
    ]) {
        What::Read(Kind::VideoRecordings)
    } else if is(&["video texts"]) {
        What::Read(Kind::VideoTexts)
    } else if is(&["channel", "kanal", "kanaal", "canal", "kanalas"]) {
        What::Read(Kind::Channel)
    } else if is(&[
        "channel feature data",
        "kanalelementdaten",
        "gegevens voor kanaalfunctie",
        "datos de la función del canal",
        "date despre funcțiile canalului",
        "kanalo funkcijų duomenys",
    ]) {
        What::Read(Kind::ChannelFeatures)
    } else if is(&[
        "playlists",
        "listas de reproducción",
        "playlisturi",
        "grojaraščiai",
    ]) {
        What::Read(Kind::Playlists)
    } else if is(&[
        "channel url configs",
        "kanal-url-konfigurationen",
        "url-configuraties van kanaal",
        "configuraciones de la url del canal",
        "configurații pentru adresa url a canalului",
        "kanalo url konfigūracijos",
    ]) {
        What::Skip(URL_CONFIGS)
    } else if is(&[
        "channel page settings",
        "kanalseiteneinstellungen",
        "instellingen voor kanaalpagina",
        "configuración de la página del canal",
        "setările paginii de canal",
        "kanalo puslapio nustatymai",
    ]) {
        What::Skip(PAGE_SETTINGS)
    } else if is(&[
        "channel community moderation settings",
        "instellingen voor het beheer van je kanaalcommu",
        "ajustes de moderación de la comunidad del canal",
        "setări de moderare a comunității canalului",
        "kanalo bendruomenės moderavimo nustatymai",
    ]) {
        What::Skip(MODERATION)
    } else if is(&["channel images"]) {
        What::Skip(CHANNEL_IMAGES)
    } else if is(&[
        "subscriptions",
        "abos",
        "abonnementen",
        "suscripciones",
        "abonamente",
        "prenumeratos",
    ]) {
        What::Skip(SUBSCRIPTIONS)
    } else if ["-videos", "-vídeos", "-videoclipuri"]
        .iter()
        .any(|s| stem.ends_with(s))
        || stem.starts_with("video_s in ")
    {
        What::Skip(PLAYLIST_ITEMS)
    } else {
        What::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_german_takeout_names() {
        assert_eq!(
            by_name(&["comments"], "comments.csv"),
            What::Read(Kind::Comments)
        );
        assert_eq!(
            by_name(&["Kommentare"], "Kommentare.csv"),
            What::Read(Kind::Comments)
        );
        assert_eq!(
            by_name(&["live chats"], "live chats.csv"),
            What::Read(Kind::LiveChats)
        );
        assert_eq!(
            by_name(&["Livechats"], "Livechats.csv"),
            What::Read(Kind::LiveChats)
        );
        assert_eq!(
            by_name(&["Video-Metadaten"], "Videos.csv"),
            What::Read(Kind::Videos)
        );
        assert_eq!(
            by_name(&["Video-Metadaten"], "Videoaufzeichnungen.csv"),
            What::Read(Kind::VideoRecordings)
        );
        assert_eq!(by_name(&["Kanäle"], "Kanal.csv"), What::Read(Kind::Channel));
        assert_eq!(
            by_name(&["Kanäle"], "Kanal-URL-Konfigurationen.csv"),
            What::Skip(URL_CONFIGS)
        );
        assert_eq!(by_name(&["Abos"], "Abos.csv"), What::Skip(SUBSCRIPTIONS));
        assert_eq!(
            by_name(&["Verlauf"], "Wiedergabeverlauf.html"),
            What::Skip(WATCHED)
        );
        assert_eq!(
            by_name(&["musik-mediathek-songs"], "musik-mediathek-songs.csv"),
            What::Skip(MUSIC)
        );
        assert_eq!(
            by_name(&["my-comments"], "my-comments.html"),
            What::Read(Kind::CommentsHtml)
        );
        assert_eq!(
            by_name(&["playlists"], "Flu season-videos.csv"),
            What::Skip(PLAYLIST_ITEMS)
        );
        assert_eq!(
            by_name(&["video metadata"], "videos(1).csv"),
            What::Read(Kind::Videos)
        );
        assert_eq!(by_name(&["videos"], "Flu jab.mp4"), What::Read(Kind::Media));
        assert_eq!(by_name(&["clips"], "clips.csv"), What::Unknown);
    }

    #[test]
    fn youtube_folders_in_any_language_and_with_a_no_break_space() {
        assert!(is_youtube_folder("YouTube and YouTube Music"));
        assert!(is_youtube_folder("YouTube y YouTube\u{a0}Music"));
        assert!(is_youtube_folder("YouTube"));
        assert!(!is_youtube_folder("Google Photos"));
        assert!(is_my_activity("Meine Aktivitäten"));
        assert!(is_takeout_index("archive_browser.html"));
    }
}
