//! Truth values and statuses: Kleene's three-valued logic, with a fourth value for what a
//! pre-screen cannot know and the study team will check.
//!
//! `Unknown` means more answers could decide it (the patient did not know, or has not been asked
//! yet). `ForStudyTeam` means no answer the patient can give decides it: consent, a judgement, a
//! test the study runs, or a date window counted from a study date not yet fixed when the answer
//! falls near its edge. Both are "not decided"; they differ in what the result tells the patient
//! (ask your doctor, or the study team will check). In the tables, `False` wins an `and` and `True`
//! wins an `or` as in Kleene's logic, and an `Unknown` beside a `ForStudyTeam` stays `Unknown`,
//! because an answer could still decide the whole.

/// A truth value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    Unknown,
    ForStudyTeam,
}

impl Truth {
    pub(crate) fn from_bool(value: bool) -> Truth {
        if value {
            Truth::True
        } else {
            Truth::False
        }
    }

    pub fn and(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
            (Truth::ForStudyTeam, _) | (_, Truth::ForStudyTeam) => Truth::ForStudyTeam,
            (Truth::True, Truth::True) => Truth::True,
        }
    }

    pub fn or(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::True, _) | (_, Truth::True) => Truth::True,
            (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
            (Truth::ForStudyTeam, _) | (_, Truth::ForStudyTeam) => Truth::ForStudyTeam,
            (Truth::False, Truth::False) => Truth::False,
        }
    }

    pub fn negate(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
            Truth::ForStudyTeam => Truth::ForStudyTeam,
        }
    }
}

/// A criterion's (or a part's) status for this patient: its rule's truth value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Met,
    NotMet,
    Unknown,
    /// The study team checks it: never rules a patient in or out.
    StudyTeamChecks,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not_met",
            Status::Unknown => "unknown",
            Status::StudyTeamChecks => "study_team_checks",
        }
    }
}

impl From<Truth> for Status {
    fn from(truth: Truth) -> Status {
        match truth {
            Truth::True => Status::Met,
            Truth::False => Status::NotMet,
            Truth::Unknown => Status::Unknown,
            Truth::ForStudyTeam => Status::StudyTeamChecks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Truth; 4] = [Truth::True, Truth::False, Truth::Unknown, Truth::ForStudyTeam];

    #[test]
    fn kleene_tables() {
        use Truth::{False as F, True as T, Unknown as U};
        let check = |left: Truth, right: Truth, and: Truth, or: Truth| {
            assert_eq!(left.and(right), and, "{left:?} and {right:?}");
            assert_eq!(left.or(right), or, "{left:?} or {right:?}");
        };
        check(T, T, T, T);
        check(T, F, F, T);
        check(T, U, U, T);
        check(F, F, F, F);
        check(F, U, F, U);
        check(U, U, U, U);
        assert_eq!(U.negate(), U);
        assert_eq!(T.negate(), F);
    }

    #[test]
    fn what_the_study_team_checks() {
        use Truth::{False as F, ForStudyTeam as S, True as T, Unknown as U};
        let check = |left: Truth, right: Truth, and: Truth, or: Truth| {
            assert_eq!(left.and(right), and, "{left:?} and {right:?}");
            assert_eq!(left.or(right), or, "{left:?} or {right:?}");
        };
        // Decided either way by the other part alone.
        check(S, F, F, S);
        check(S, T, S, T);
        // An answer could still decide the whole.
        check(S, U, U, U);
        check(S, S, S, S);
        assert_eq!(S.negate(), S);
    }

    #[test]
    fn the_tables_are_symmetric_and_keep_de_morgan() {
        for left in ALL {
            for right in ALL {
                assert_eq!(left.and(right), right.and(left));
                assert_eq!(left.or(right), right.or(left));
                assert_eq!(left.and(right).negate(), left.negate().or(right.negate()), "De Morgan");
            }
        }
    }
}
