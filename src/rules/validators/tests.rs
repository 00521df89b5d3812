use super::*;

/// Builds a valid NHS number from a nine-digit prefix.
fn with_check(prefix: &str) -> Option<String> {
    let d: Vec<u8> = prefix.bytes().map(|b| b - b'0').collect();
    nhs_check_digit(&d).map(|c| format!("{prefix}{c}"))
}

#[test]
fn nhs_numbers() {
    let org = Org::default();
    assert_eq!(with_check("401159083").as_deref(), Some("4011590835"));
    assert!(nhs_number("401 159 0835", &org).is_some());
    assert!(nhs_number("4011590836", &org).is_none());
    let test_range = with_check("999000001").unwrap();
    assert!(nhs_number(&test_range, &org).unwrap().contains("synthetic"));
    let unallocated = with_check("500000001").unwrap();
    assert!(nhs_number(&unallocated, &org).is_none());
    assert!(nhs_number("4444444444", &org).is_none());
    // a prefix whose check value is 10 never validates
    let bad = (0..1000)
        .map(|i| format!("401159{i:03}"))
        .find(|p| with_check(p).is_none())
        .unwrap();
    for last in 0..10 {
        assert!(nhs_number(&format!("{bad}{last}"), &org).is_none());
    }
}

#[test]
fn postcodes() {
    let org = Org::parse("postcodes = [\"SR4 7TP\"]").unwrap();
    for ok in [
        "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB",
    ] {
        assert!(uk_postcode(ok, &org).is_some(), "{ok}");
    }
    for bad in [
        "QA1 1AA", "SW1A 1AC", "sr4 7tp", "AB1 2Cd", "AI1 1AA", "m6 5th", "G12 4PM",
    ] {
        assert!(uk_postcode(bad, &org).is_none(), "{bad}");
    }
}

#[test]
fn phones() {
    let org =
        Org::parse("phone_numbers = [\"0191 541 0000\"]\nnational_numbers = [\"111\"]").unwrap();
    assert!(uk_phone("07911 123456", &org).is_some());
    assert!(uk_phone("+44 7911 123456", &org).is_some());
    assert!(uk_phone("020 7946 0958", &org).unwrap().contains("drama"));
    // a helpline's 03 number is an organisation's, as an 0800 one is
    assert!(uk_phone("0300 123 4567", &org).is_none());
    assert!(uk_phone("0345 600 3000", &org).is_none());
    assert!(uk_phone("0191 541 0000", &org).is_none());
    assert!(uk_phone("+44 191 541 0000", &org).is_none());
    assert!(uk_phone("+44 (0)191 541 0000", &org).is_none());
    assert!(uk_phone("+44 (0)7911 123456", &org).is_some());
    assert!(uk_phone("0800 123 4567", &org).is_none());
    assert!(uk_phone("07911 12345", &org).is_none());
}

#[test]
fn mobiles_and_landlines_are_told_apart() {
    let org = Org::parse("phone_numbers = [\"0191 541 0000\"]").unwrap();
    assert!(uk_mobile("07700 900123", &org).is_some());
    assert!(uk_mobile("+44 (0)7700 900123", &org).is_some());
    assert!(uk_mobile("0113 496 0381", &org).is_none());
    assert!(uk_landline("0113 496 0381", &org).is_some());
    assert!(uk_landline("(01632) 960123", &org).is_some());
    assert!(uk_landline("07700 900123", &org).is_none());
    // neither reports the organisation's own or a non-geographic line
    assert!(uk_landline("0191 541 0000", &org).is_none());
    assert!(uk_landline("0300 123 4567", &org).is_none());
}

/// A capitalised run names a patient only when it is a person's name: not
/// when a staff or public title stands anywhere in it, and not when it
/// ends in the word for the place, service or event it describes.
#[test]
fn a_patient_name_is_not_a_titled_figure_or_a_named_thing() {
    let org = Org::default();
    assert!(patient_name("Mary Example", &org).is_some());
    assert!(patient_name("Patient Mary Example", &org).is_some());
    // a title mid-run, as well as first
    assert!(patient_name("Dame Barbara Example", &org).is_none());
    assert!(patient_name("Remembering Dame Barbara Example", &org).is_none());
    assert!(patient_name("Thanks Nurse Jane Example", &org).is_none());
    // a run ending in what it names
    assert!(patient_name("Rare Disease Day", &org).is_none());
    assert!(patient_name("Florence Nightingale Ward", &org).is_none());
    assert!(patient_name("Otterhaze Minor Injuries Unit", &org).is_none());
    // a two-word run is judged as before: both words must be name-like,
    // and a listed word ("Ward") is not
    assert!(patient_name("Mary Ward", &org).is_none());
    assert!(patient_name("Mary Example Smith", &org).is_some());
}

#[test]
fn initials_and_role_mailboxes() {
    let org = Org::default();
    assert!(person_name("R. Patel", &org).is_some());
    // an article is not an initial: only "R." with its full stop
    assert!(person_name("A Smith", &org).is_none());
    assert!(patient_name("Dr S. Jones", &org).is_none());
    // a courtesy title and an initial alone is how a ward names a patient
    assert!(patient_name("Mrs B", &org).is_some());
    assert!(patient_name("Mr. K", &org).is_some());
    assert!(patient_name("Dr B", &org).is_none());
    assert!(patient_name("Mrs BB", &org).is_none());
    assert!(email("pals@example-trust.org.uk", &org).is_none());
    assert!(email("ndht.comms@example.net", &org).is_none());
    assert!(email("info@gmail.com", &org).is_some());
    assert!(email("jane.example@example-trust.org.uk", &org).is_some());
    let d = email_obfuscated("karen dot example at example dot com", &org).unwrap();
    assert!(d.contains("karen.example@example.com"), "{d}");
    assert!(email_obfuscated("boom at the dot com", &org).is_none());
    assert!(email_obfuscated("pals at example-trust dot nhs dot uk", &org).is_none());
}

#[test]
fn photo_credits_name_people_handles_and_companies_not_bodies() {
    let org = Org::parse(
        "name = \"Northdale Hospitals NHS Foundation Trust\"\nhandles = [\"NorthdaleNHS\"]",
    )
    .unwrap();
    let credit = |m: &str| photo_credit(m, &org);
    assert!(credit("Photo: Jane Smith").unwrap().contains("person"));
    assert!(
        credit("Pictures by our talented porter Sam Example")
            .unwrap()
            .contains("\"Sam Example\"")
    );
    assert!(credit("All photos by the wonderful Kirsty Ward").is_some());
    assert!(credit("photographed by Dr Sam Example").is_some());
    assert!(
        credit("Video: Example & Frame Studios")
            .unwrap()
            .contains("production company")
    );
    assert!(
        credit("Footage courtesy of Example Drone Services")
            .unwrap()
            .contains("production company")
    );
    assert!(
        credit("cred @jay.example")
            .unwrap()
            .contains("@jay.example")
    );
    assert!(credit("Thanks to Sam Example for these amazing shots").is_some());
    assert!(credit("pic by me").unwrap().contains("by me"));
    assert!(credit("Photo: Jane Smith and").is_some());
    // the organisation, public bodies, archives, the press, captions
    assert!(credit("📷 @NorthdaleNHS").is_none());
    assert!(credit("Photo: Northdale Comms").is_none());
    assert!(credit("Video credit: NHS Example Trust Media Services").is_none());
    assert!(credit("Image: Example Museum Collection").is_none());
    assert!(credit("Photo: Northern Echo").is_none());
    assert!(credit("Images courtesy of Getty Images").is_none());
    assert!(credit("Photo: Jane Smith receives").is_none());
    assert!(credit("📸 Jane Smith and the").is_none());
    assert!(credit("Photo: the sunrise over Derwent Water").is_none());
    assert!(credit("Photos: Summer Fete").is_none());
    assert!(credit("Photo: Estates Services").is_none());
    // Welsh credits: a person with a surname particle, and the bodies
    assert!(credit("Llun: Dafydd ap Rhys").unwrap().contains("person"));
    assert!(credit("Lluniau: Tîm Cyfathrebu Example").is_none());
    assert!(credit("Llun: Llywodraeth Cymru").is_none());
    // "(c)" marks a credit as "©" does
    assert!(credit("(c) Jodie Example").unwrap().contains("person"));
    // a ward's group or a school's pupils are not an individual
    assert!(credit("Artwork by members of our Larch Ward art group").is_none());
}

/// A credit with no media noun before its verb ("Produced by X", "A X
/// production") names a film or photography trade, or is not a credit;
/// Welsh "gan" is "by", and "diolch i X am y lluniau" is thanks for photos.
#[test]
fn production_credits_need_a_film_trade_and_welsh_credits_read_as_english() {
    let org = Org::parse("name = \"Northdale Hospitals NHS Foundation Trust\"").unwrap();
    let credit = |m: &str| photo_credit(m, &org);
    assert!(
        credit("Produced by Example Reel Productions")
            .unwrap()
            .contains("production company")
    );
    assert!(credit("produced and directed by Example Films Ltd").is_some());
    assert!(credit("A Moorexample Pictures production").is_some());
    assert!(credit("Cynhyrchwyd gan Cynhyrchiadau Example").is_some());
    // a printer, a consultancy, a person or the organisation: not here
    assert!(credit("produced by Example Print Ltd").is_none());
    assert!(credit("Made by Sam Example").is_none());
    assert!(credit("Produced by Northdale Hospitals Media").is_none());
    assert!(credit("A Northdale Hospitals production").is_none());
    // Welsh
    assert!(
        credit("Lluniau gan Siân Example")
            .unwrap()
            .contains("person")
    );
    assert!(credit("Diolch o galon i Gethin Example am y lluniau").is_some());
    assert!(credit("Diolch i Gyngor Tref Example am rannu'r lluniau").is_none());
    assert!(credit("Llun: Adran Ffotograffiaeth Feddygol BIP Example").is_none());
    // "to" and a pointing hand after a credit word
    assert!(
        credit("photo cred to @jo.example")
            .unwrap()
            .contains("@jo.example")
    );
    assert!(credit("Pic cred 👉 @jo.example").is_some());
}

#[test]
fn emails() {
    let org = Org::parse("domains = [\"example-trust.nhs.uk\"]").unwrap();
    assert!(
        email("jane.doe.private@gmail.com", &org)
            .unwrap()
            .contains("free-mail")
    );
    assert!(email("comms@example-trust.nhs.uk", &org).is_none());
    assert!(email("x.y@other.org", &org).is_some());
    // NHS and government domains are work addresses whoever the profile
    // names
    assert!(email("sarah.example@othertrust.nhs.uk", &org).is_none());
    assert!(email("a.example@nhs.net", &org).is_none());
    assert!(email("b.example@nhs.scot", &org).is_none());
    assert!(email("c.example@bwrdd.nhs.wales", &org).is_none());
    assert!(email("report@phishing.gov.uk", &org).is_none());
    // a look-alike is not one
    assert!(email("x.y@fakenhs.net", &org).is_some());
    assert!(email("x.y@nhs.net.example.com", &org).is_some());
}

/// `mailboxes` are read as an organisation's function mailboxes (not
/// reported), `people` as a person's addresses (reported), with no
/// organisation profile.
fn mailboxes_and_people(mailboxes: &[&str], people: &[&str]) {
    let org = Org::default();
    for a in mailboxes {
        assert!(email(a, &org).is_none(), "{a}");
    }
    for a in people {
        assert!(email(a, &org).is_some(), "{a}");
    }
}

#[test]
fn a_role_mailbox_may_put_its_role_first_or_last() {
    mailboxes_and_people(
        &[
            "ndht.comms@trust.example.org",
            "pals.msft@example.com",
            "press.qmf@example.com",
            "speakup.qmft@example.com",
            "accounts.payable@kingsbarrow.example.org",
        ],
        // a name and initials hold no role word, and free mail is never a mailbox
        &[
            "claire.benson@brackenfold.example.org",
            "helen.marr@example.com",
            "pals.jo@gmail.com",
        ],
    );
}

#[test]
fn a_one_word_mailbox_is_a_function_unless_it_is_free_mail() {
    mailboxes_and_people(
        // English and Welsh function mailboxes on an organisation's domain
        &[
            "vaccines@trust.example.org",
            "stakeholders@bwrdd.example.org",
            "cyswllt@bwrdd.example.org",
            "ymholiadau@bwrdd.example.org",
        ],
        // a person's shape: separators, digits, or any free-mail address
        &[
            "jo.bloggs@trust.example.org",
            "sue_b@example.com",
            "jbloggs1979@example.com",
            "karen@gmail.com",
            "info@hotmail.co.uk",
        ],
    );
}
