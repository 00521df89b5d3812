//! Facebook and Instagram profile files: one Profile record, and account
//! facts (e-mail, phone) as an Account record.

use super::*;
use crate::vocab::Field;

impl Ctx<'_> {
    pub(super) fn fb_profile(&mut self, p: &Map<String, Value>) {
        let mut r = self.record(RecordKind::Profile, self.account.to_string());
        if let Some(n) = obj(p, "name") {
            if let Some(f) = s(n, "full_name") {
                r.push_field(Field::Title, f);
            }
        } else if let Some(n) = s(p, "name") {
            r.push_field(Field::Title, n);
        }
        if let Some(u) = s(p, "profile_uri") {
            r.url = u.to_string();
        }
        if let Some(u) = s(p, "username") {
            r.push_field(Field::Title, u);
        }
        for k in ["about_me", "intro_bio", "bio", "about"] {
            if let Some(t) = s(p, k) {
                r.push_field(Field::Bio, t);
            }
        }
        for k in ["current_city", "hometown"] {
            if let Some(c) = obj(p, k).and_then(|c| s(c, "name")) {
                r.push_field(Field::Location, c);
            }
        }
        let mut a = self.record(RecordKind::Account, self.account.to_string());
        if let Some(e) = obj(p, "emails") {
            for k in [
                "emails",
                "previous_emails",
                "pending_emails",
                "ad_account_emails",
            ] {
                for m in arr(e, k) {
                    if let Some(m) = m.as_str() {
                        a.push_field(Field::Email, m);
                    }
                }
            }
        }
        for ph in arr(p, "phone_numbers") {
            let n = ph
                .as_str()
                .or_else(|| ph.as_object().and_then(|o| s(o, "phone_number")));
            if let Some(n) = n {
                a.push_field(Field::Phone, n);
            }
        }
        for w in arr(p, "websites") {
            let u = w
                .as_str()
                .or_else(|| w.as_object().and_then(|o| s(o, "address")));
            if let Some(u) = u {
                r.push_field(Field::Website, u);
            }
        }
        if let Some(ts) = p.get("registration_timestamp") {
            a.created_at = timestamp(ts, false);
        }
        self.send(r);
        if !a.fields.is_empty() {
            self.send(a);
        }
    }

    pub(super) fn ig_profile(&mut self, p: &Map<String, Value>, platform: crate::vocab::Platform) {
        let mut r = self.record(RecordKind::Profile, self.account.to_string());
        let mut a = self.record(RecordKind::Account, self.account.to_string());
        // The Threads profile has the same shape (records/threads.rs).
        r.platform = platform;
        a.platform = platform;
        if let Some(m) = obj(p, "string_map_data") {
            for (k, v) in m {
                let Some(v) = v.as_object().and_then(|v| s(v, "value")) else {
                    continue;
                };
                match ig_profile_field(k) {
                    Some(f @ (Field::Email | Field::Phone)) => a.push_field(f, v),
                    Some(f) => r.push_field(f, v),
                    None => {}
                }
            }
        }
        self.send(r);
        if !a.fields.is_empty() {
            self.send(a);
        }
    }
}
