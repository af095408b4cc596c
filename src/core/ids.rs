//! Typed ids for what crosses domains: a user, a course, a module, a quiz, an attempt, a programme and an
//! application. Stored as text (UUIDs); typed so that a course id cannot be passed where a user id is
//! wanted, and the argument order of sibling functions cannot silently differ.

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<&String> for $name {
            fn from(id: &String) -> Self {
                Self(id.clone())
            }
        }
    )*};
}

id_type!(
    /// An account.
    UserId,
    /// A course.
    CourseId,
    /// A module of a course.
    ModuleId,
    /// A module's quiz.
    QuizId,
    /// One attempt at a quiz.
    AttemptId,
    /// A scholarship programme (a call).
    ProgrammeId,
    /// An application to a programme.
    ApplicationId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_write_as_plain_text() {
        let id = UserId::new("0190-abc");
        assert_eq!(id.as_str(), "0190-abc");
        assert_eq!(serde_json::to_string(&id).ok().as_deref(), Some("\"0190-abc\""));
        let back: Option<CourseId> = serde_json::from_str("\"c-1\"").ok();
        assert_eq!(back, Some(CourseId::from("c-1")));
    }
}
