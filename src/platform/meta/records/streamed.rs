//! A top-level object walked while its long lists are streamed
//! (`json::object`): the same records, in the same order, as `Ctx::root`
//! gives on the whole object, for the shapes whose records each come from
//! one list element and the object's small members. Other shapes (an
//! album's record lists all its photos; a post is one item) keep being
//! read whole.

use super::messages::Head;
use super::*;

/// How a top-level object's members are walked.
pub struct Plan {
    shape: Shape,
    head: Option<Head>,
    steps: Vec<Step>,
}

/// One step of the walk, in the order `Ctx::object` takes them.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// Each element of this list goes to `Ctx::item`, from the kept
    /// object or streamed.
    List(String),
    /// This member of a wrapper goes to `Ctx::member` as it was kept.
    Member(String),
}

impl Plan {
    /// `None` when the object's shape needs its lists whole, or when a
    /// list `long` names is not one the shape reads element by element.
    /// `top` is the object with long lists replaced by stand-ins
    /// (`json::object::Outline`).
    pub fn new(top: &Map<String, Value>, long: &dyn Fn(&str) -> bool) -> Option<Plan> {
        let shape = shape(top);
        let lists = |keys: &[&str]| keys.iter().map(|k| Step::List(k.to_string())).collect();
        let (head, steps): (Option<Head>, Vec<Step>) = match shape {
            Shape::Thread => (Some(Head::thread(top)), lists(&["messages"])),
            Shape::IgLegacyThread => (Some(Head::ig_legacy(top)), lists(&["conversation"])),
            Shape::IgLegacyComments => (None, lists(&["media_comments", "live_comments"])),
            Shape::ThreadsPosts => (None, lists(&[threads::POSTS_KEY])),
            Shape::Wrapper => (
                None,
                top.iter()
                    .map(|(k, _)| {
                        if long(k) {
                            Step::List(k.clone())
                        } else {
                            Step::Member(k.clone())
                        }
                    })
                    .collect(),
            ),
            _ => return None,
        };
        let streamed = |k: &String| steps.iter().any(|s| *s == Step::List(k.clone()));
        if top.keys().any(|k| long(k) && !streamed(k)) {
            return None;
        }
        Some(Plan { shape, head, steps })
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps
    }
}

impl Ctx<'_> {
    /// One element of the list `key` of a top-level object planned as
    /// `plan`: what `Ctx::object` does with it inside the whole object.
    pub fn item(&mut self, plan: &Plan, key: &str, v: &Value) {
        match (plan.shape, &plan.head) {
            (Shape::Thread, Some(head)) => self.thread_message(head, v),
            (Shape::IgLegacyThread, Some(head)) => self.ig_legacy_message(head, v),
            (Shape::IgLegacyComments, _) => {
                let what = if key == "live_comments" {
                    "a live video"
                } else {
                    "a post"
                };
                self.ig_legacy_comment(what, v);
            }
            (Shape::ThreadsPosts, _) => {
                if let Some(o) = v.as_object() {
                    self.threads_post(o);
                }
            }
            (Shape::Wrapper, _) => {
                if let Some(o) = v.as_object() {
                    self.object(key, o);
                }
            }
            _ => {}
        }
    }

    /// A kept member of a wrapper (`Step::Member`).
    pub fn member(&mut self, key: &str, v: &Value) {
        self.wrapped(key, v);
    }
}
