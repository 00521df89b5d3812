//! Loading a pack: the embedded default (`rules/`, built in), a local
//! pack file or folder, layering it over the default, compiling every
//! detector, and the `Layer`s a run reports.

use super::*;

/// One layer of a compiled pack, for the run's "which rules are in use"
/// line: the embedded default, or a local pack file or folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    /// `embedded` for the pack built into the binary, else the path given.
    pub source: String,
    pub id: String,
    pub version: String,
    /// Rules this layer contributes to the compiled pack.
    pub rules: usize,
    /// Rules of the layer below that this layer disabled.
    pub disabled: usize,
}

impl Layer {
    pub fn is_embedded(&self) -> bool {
        self.source == EMBEDDED
    }
}

/// `Layer::source` of the pack built into the binary.
pub const EMBEDDED: &str = "embedded";

/// (file name, text) pairs in load order.
pub(super) type Sources = Vec<(String, String)>;

const DEFAULT_SOURCES: &[(&str, &str)] = &[
    ("account.toml", include_str!("../../rules/account.toml")),
    ("compose.toml", include_str!("../../rules/compose.toml")),
    ("conduct.toml", include_str!("../../rules/conduct.toml")),
    ("elections.toml", include_str!("../../rules/elections.toml")),
    ("encoder.toml", include_str!("../../rules/encoder.toml")),
    (
        "identifiers.toml",
        include_str!("../../rules/identifiers.toml"),
    ),
    (
        "lexicons/commercial.toml",
        include_str!("../../rules/lexicons/commercial.toml"),
    ),
    (
        "lexicons/conditions.toml",
        include_str!("../../rules/lexicons/conditions.toml"),
    ),
    (
        "lexicons/confidential.toml",
        include_str!("../../rules/lexicons/confidential.toml"),
    ),
    (
        "lexicons/forenames.toml",
        include_str!("../../rules/lexicons/forenames.toml"),
    ),
    (
        "lexicons/negative-evaluation.toml",
        include_str!("../../rules/lexicons/negative-evaluation.toml"),
    ),
    (
        "lexicons/political.toml",
        include_str!("../../rules/lexicons/political.toml"),
    ),
    (
        "lexicons/safeguarding.toml",
        include_str!("../../rules/lexicons/safeguarding.toml"),
    ),
    (
        "lexicons/slurs.toml",
        include_str!("../../rules/lexicons/slurs.toml"),
    ),
    (
        "lexicons/welsh.toml",
        include_str!("../../rules/lexicons/welsh.toml"),
    ),
    (
        "link-domains.toml",
        include_str!("../../rules/link-domains.toml"),
    ),
    ("location.toml", include_str!("../../rules/location.toml")),
    ("metadata.toml", include_str!("../../rules/metadata.toml")),
    ("models.toml", include_str!("../../rules/models.toml")),
];

pub(super) fn default_sources() -> Vec<(String, String)> {
    DEFAULT_SOURCES
        .iter()
        .map(|(n, t)| (format!("rules/{n}"), t.to_string()))
        .collect()
}

/// `*.toml` files under `dir` and its subfolders, sorted by relative path
/// ("lexicons/x.toml" sorts as written), so the embedded default and the
/// `rules/` folder load in the same order.
fn toml_files(dir: &Path, out: &mut Vec<(String, std::path::PathBuf)>, prefix: &str) -> Result<()> {
    let rd = std::fs::read_dir(dir)
        .map_err(|e| Error::Pack(format!("cannot read pack folder {}: {e}", dir.display())))?;
    for entry in rd {
        let p = entry
            .map_err(|e| Error::Pack(format!("cannot read pack folder {}: {e}", dir.display())))?
            .path();
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if p.is_dir() {
            toml_files(&p, out, &format!("{prefix}{name}/"))?;
        } else if p.extension().is_some_and(|e| e == "toml") && p.is_file() {
            out.push((format!("{prefix}{name}"), p));
        }
    }
    Ok(())
}

impl Pack {
    /// The pack shipped in `rules/`, embedded at build time.
    pub fn default_pack(org: &Org) -> Result<Pack> {
        Pack::compile(&[], &default_sources(), org, None)
    }

    /// A `.toml` file, or a folder whose `*.toml` files (subfolders too) are
    /// loaded in relative-path order. A pack whose `[pack]` table says
    /// `extend = "default"` is layered on the embedded default pack: see
    /// "Layering" in the module documentation.
    pub fn from_path(path: &Path, org: &Org) -> Result<Pack> {
        let mut files = Vec::new();
        if path.is_dir() {
            toml_files(path, &mut files, "")?;
            files.sort();
            if files.is_empty() {
                return Err(Error::Pack(format!(
                    "pack folder {} has no .toml files",
                    path.display()
                )));
            }
        } else {
            files.push((String::new(), path.to_path_buf()));
        }
        let mut sources = Vec::new();
        let mut extend = None;
        for (_, f) in files {
            let text = std::fs::read_to_string(&f)
                .map_err(|e| Error::Pack(format!("cannot read pack file {}: {e}", f.display())))?;
            if let Some(e) = extends(&text) {
                if e != "default" {
                    return Err(Error::Pack(format!(
                        "{}: [pack] extend = {e:?}: only \"default\" can be extended",
                        f.display()
                    )));
                }
                extend = Some(e);
            }
            sources.push((f.display().to_string(), text));
        }
        let base = if extend.is_some() {
            default_sources()
        } else {
            Vec::new()
        };
        Pack::compile(&base, &sources, org, Some(path))
    }

    /// `path`: where the top layer came from (`None`: the embedded pack).
    pub(super) fn compile(
        base: &[(String, String)],
        sources: &[(String, String)],
        org: &Org,
        path: Option<&Path>,
    ) -> Result<Pack> {
        let def = pack::parse_layers(base, sources)?;
        let top = |id: &str, version: &str, rules, disabled| Layer {
            source: path.map_or(EMBEDDED.to_string(), |p| p.display().to_string()),
            id: id.to_string(),
            version: version.to_string(),
            rules,
            disabled,
        };
        let layers = match &def.base {
            Some((id, version)) => vec![
                Layer {
                    source: EMBEDDED.to_string(),
                    id: id.clone(),
                    version: version.clone(),
                    rules: def.base_rules,
                    disabled: 0,
                },
                top(
                    &def.id,
                    &def.version,
                    def.rules.len() - def.base_rules,
                    def.disabled.len(),
                ),
            ],
            None => vec![top(&def.id, &def.version, def.rules.len(), 0)],
        };
        let rules: Vec<RuleInfo> = def.rules.iter().map(|r| r.info.clone()).collect();
        let scope = def.rules.iter().map(|r| r.scope.clone()).collect();
        let lexicon = lexicon::Lexicon::compile(&def, false)?;
        let lazy_lexicon = lexicon::Lexicon::compile(&def, true)?;
        let patterns = pattern::Patterns::compile(&def, org, false)?;
        let lazy_patterns = pattern::Patterns::compile(&def, org, true)?;
        let metadata = metadata::Metadata::compile(&def, org)?;
        let account = account::AccountRules::compile(&def, org)?;
        let compose = compose::Compose::compile(&def)?;
        let reported = reported::Reported::compile(&def)?;
        let models = model::Models::compile(&def)?;
        // The texts, then the weights of every model a rule runs: new
        // weights change what a scan finds as surely as a new rule does.
        let mut hasher = Sha256::new();
        for (_, text) in base.iter().chain(sources) {
            hasher.update(text.as_bytes());
        }
        for (name, sha256) in models.weights() {
            hasher.update(format!("\0model {name} {sha256}").as_bytes());
        }
        let hash = crate::finding::hex(&hasher.finalize());
        let elections = elections::Windows::compile(&def)?;
        let examples = examples::build(&def)?;
        let person = regex::Regex::new(
            r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Nurse|Sister|Matron|Prof)\.? [A-Z][a-z]+|(?:^|\s)@\w",
        )
        .map_err(|e| Error::Pack(e.to_string()))?;
        Ok(Pack {
            layers,
            id: def.id,
            version: def.version,
            description: def.description,
            hash,
            rules,
            scope,
            lexicon,
            lazy_lexicon,
            patterns,
            lazy_patterns,
            metadata,
            account,
            compose,
            reported,
            models,
            elections,
            person,
            examples,
            org: org.clone(),
            sources: (base.to_vec(), sources.to_vec()),
        })
    }

    /// The same pack compiled for another organisation profile.
    pub(super) fn recompile(&self, org: &Org) -> Result<Pack> {
        let mut p = Pack::compile(&self.sources.0, &self.sources.1, org, None)?;
        p.layers = self.layers.clone();
        p.set_deep(self.deep());
        Ok(p)
    }

    /// The embedded pack's `[pack]` id and version, read without compiling
    /// it (for `--version`).
    pub fn embedded_header() -> Option<(String, String)> {
        // only the file with the [pack] table is parsed
        DEFAULT_SOURCES
            .iter()
            .filter(|(_, t)| t.contains("[pack]"))
            .find_map(|(_, text)| {
                let t: toml::Table = toml::from_str(text).ok()?;
                let h = t.get("pack")?.as_table()?;
                Some((
                    h.get("id")?.as_str()?.to_string(),
                    h.get("version")?.as_str()?.to_string(),
                ))
            })
    }
}

/// The `extend` value of a source's `[pack]` table, if any.
fn extends(text: &str) -> Option<String> {
    let t: toml::Table = toml::from_str(text).ok()?;
    t.get("pack")?.get("extend")?.as_str().map(str::to_string)
}
