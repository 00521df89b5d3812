//! Assembling chat messages from the lines of an exported chat: a header
//! line starts a message, other lines continue it, and each finished
//! message becomes one `dm` record (docs/FORMATS.md, "WhatsApp").

use super::chat::{self, Header, NoTime, Order};
use super::{WhatsAppUnit, base};
use crate::platform::EntryOutcome;
use crate::record::{Location, Record, RecordKind};
use crate::vocab::Field;

/// One message being assembled from its lines.
pub(super) struct Pending {
    line: u64,
    header: Option<Header>,
    body: String,
    truncated: bool,
}

pub(super) struct Emitter<'a, 'b> {
    pub(super) unit: &'a WhatsAppUnit,
    pub(super) account: &'a str,
    pub(super) entry: &'a str,
    pub(super) order: Order,
    pub(super) zone: &'a jiff::tz::TimeZone,
    pub(super) out: &'a mut EntryOutcome,
    pub(super) emit: &'b mut dyn FnMut(Record),
    pub(super) pending: Option<Pending>,
    pub(super) ambiguous: u64,
    pub(super) first_ambiguous: u64,
    pub(super) headers: u64,
}

impl Emitter<'_, '_> {
    pub(super) fn line(&mut self, n: u64, line: &str) {
        if let Some(h) = chat::header(line) {
            self.flush();
            self.headers += 1;
            let body = h.text.clone();
            self.pending = Some(Pending {
                line: n,
                header: Some(h),
                body,
                truncated: false,
            });
            return;
        }
        let text = chat::clean(line);
        match &mut self.pending {
            Some(p) => {
                if p.body.len() + 1 + text.len() > chat::MAX_MESSAGE {
                    p.truncated = true;
                } else {
                    p.body.push('\n');
                    p.body.push_str(&text);
                }
            }
            None => {
                if text.trim().is_empty() {
                    return;
                }
                // Text before the first header (a cut file, or not a chat).
                self.pending = Some(Pending {
                    line: n,
                    header: None,
                    body: text,
                    truncated: false,
                });
                self.out.warn(format!(
                    "line {n}: text before the first message header, read as a message \
                     without sender or time"
                ));
            }
        }
    }

    pub(super) fn flush(&mut self) {
        let Some(p) = self.pending.take() else {
            return;
        };
        let mut r = self
            .unit
            .record(RecordKind::Dm, p.line.to_string(), self.account, self.entry);
        if let Some(h) = &p.header {
            match chat::time(&h.stamp, self.order, self.zone) {
                Ok(t) => r.created_at = Some(t),
                Err(NoTime::Ambiguous) => {
                    if self.ambiguous == 0 {
                        self.first_ambiguous = p.line;
                    }
                    self.ambiguous += 1;
                    self.out.undated += 1;
                }
                Err(NoTime::Invalid) => {
                    self.out.undated += 1;
                    self.out.warn(format!(
                        "line {}: \"{}\" is not a valid date and time; time left empty",
                        p.line, h.stamp_text
                    ))
                }
            }
            if let Some(s) = &h.sender {
                r.push_field(Field::Sender, s.clone());
            }
        }
        let body = p.body.trim_end();
        for name in chat::attachments(body) {
            if let Some(e) = self.unit.files.get(base(&name)) {
                r.media.push(e.clone());
            }
            r.push_field(Field::MediaName, name);
        }
        for (lat, lon, url) in chat::map_pins(body) {
            r.locations.push(Location {
                field: Field::Geo,
                lat: Some(lat),
                lon: Some(lon),
                label: url,
            });
        }
        r.push_field(Field::Text, body);
        if p.truncated {
            self.out.warn(format!(
                "line {}: message longer than {} bytes; the rest was not scanned",
                p.line,
                chat::MAX_MESSAGE
            ));
        }
        (self.emit)(r);
        self.out.records += 1;
    }
}
