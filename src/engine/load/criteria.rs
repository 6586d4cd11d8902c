//! Reading the criteria: ids, kinds, the registry's labels and texts, parts, and each rule.

use super::rules::RuleContext;
use super::{is_identifier, Loader};
use crate::engine::format::{RawCriterion, RawPart, RawWords};
use crate::engine::json::{echo, is_blank};
use crate::engine::model::{Combine, Criterion, CriterionId, CriterionKind, Part, Rule};
use crate::engine::path::Path;
use crate::engine::text::{Text, Worded};
use std::collections::BTreeMap;

/// What `RawWords` holds, read.
struct Words {
    registry_text: String,
    registry_translation: Option<Text>,
    summary: Text,
    interpretation: Option<Text>,
    ask_care_team: Option<Worded>,
}

impl Loader {
    pub(super) fn criteria(&mut self, raw_criteria: Vec<RawCriterion>) -> Vec<Option<Criterion>> {
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut labels: BTreeMap<(CriterionKind, String), usize> = BTreeMap::new();
        let mut criteria = Vec::new();
        let list = Path::ROOT.field("criteria");
        for (index, raw) in raw_criteria.into_iter().enumerate() {
            let path = list.item(index);
            let id = self.required_string(path, "id", raw.id);
            if let Some(id) = &id {
                if !is_identifier(id) {
                    self.problem(
                        path.field("id"),
                        format!("\"{}\" must be lower-case letters, digits and underscores", echo(id)),
                    );
                }
                if let Some(first) = ids.get(id) {
                    self.problem(path.field("id"), format!("duplicate id \"{id}\" (also criteria[{first}])"));
                } else {
                    ids.insert(id.clone(), index);
                }
            }
            let kind = match raw.kind {
                Some(name) => {
                    let kind = CriterionKind::parse(name);
                    if kind.is_none() {
                        self.problem(
                            path.field("kind"),
                            format!("\"{}\" is not \"inclusion\" or \"exclusion\"", echo(name)),
                        );
                    }
                    kind
                }
                None => {
                    self.problem(path.field("kind"), "missing");
                    None
                }
            };
            let label = self.label(path, raw.number, raw.label);
            if let (Some(kind), Some(label)) = (kind, &label) {
                if let Some(first) = labels.get(&(kind, label.clone())) {
                    self.problem(
                        path.field("label"),
                        format!("{} {} is also criteria[{first}]", kind.id(), echo(label)),
                    );
                } else {
                    labels.insert((kind, label.clone()), index);
                }
            }
            let words = self.words(path, raw.words);
            let (rule, parts) = match (&raw.rule, raw.parts) {
                (Some(_), Some(_)) => {
                    self.problem(path, "a criterion has a rule or parts, not both: with parts, each part has its rule");
                    (None, None)
                }
                (Some(rule), None) => (self.rule(path.field("rule"), rule, RuleContext::Criterion), Some(Vec::new())),
                (None, Some(raw_parts)) => self.parts(path, raw_parts, raw.combine, kind),
                (None, None) => {
                    self.problem(
                        path.field("rule"),
                        "missing: every criterion needs a rule, or parts with a rule each (use {\"study_team_checks\": true} for what no pre-screen can know)",
                    );
                    (None, None)
                }
            };
            if raw.combine.is_some() && rule.is_some() && parts.as_ref().is_some_and(Vec::is_empty) {
                self.problem(path.field("combine"), "is only used with parts");
            }
            criteria.push((|| {
                let words = words?;
                Some(Criterion {
                    id: CriterionId::new(id?),
                    kind: kind?,
                    label: label?,
                    registry_text: words.registry_text,
                    registry_translation: words.registry_translation,
                    summary: words.summary,
                    interpretation: words.interpretation,
                    ask_care_team: words.ask_care_team,
                    rule: rule?,
                    parts: parts?,
                })
            })());
        }
        criteria
    }

    /// The words a criterion and each part have, every problem with them reported.
    fn words(&mut self, path: Path<'_>, raw: RawWords) -> Option<Words> {
        let registry_text = self.required_string(path, "registry_text", raw.registry_text);
        let registry_translation = match &raw.registry_translation {
            None => Some(None),
            Some(value) => self.partial_text(path.field("registry_translation"), value).map(Some),
        };
        let summary = self.required_text(path, "summary", raw.summary);
        if let Some(summary) = &summary {
            self.summary_speaks_to_no_one(path.field("summary"), summary);
        }
        let interpretation = self.optional_text(path, "interpretation", raw.interpretation);
        let ask_care_team = self.optional_worded(path, "ask_care_team", raw.ask_care_team, raw.caregiver_ask_care_team);
        Some(Words {
            registry_text: registry_text?,
            registry_translation: registry_translation?,
            summary: summary?,
            interpretation: interpretation?,
            ask_care_team: ask_care_team?,
        })
    }

    /// The criterion's label as the registry writes it: `"label": "9A"`, or `"number": 9`.
    fn label(&mut self, path: Path<'_>, number: Option<u32>, label: Option<&str>) -> Option<String> {
        match (number, label) {
            (Some(_), Some(_)) => {
                self.problem(path.field("label"), "give the label or the number, not both");
                None
            }
            (Some(number), None) => Some(number.to_string()),
            (None, Some(label)) => self.checked_label(path.field("label"), label.to_owned()),
            (None, None) => {
                self.problem(
                    path.field("label"),
                    "missing: give the criterion's label in the registry's list, such as \"label\": \"9A\" (or \"number\": 9)",
                );
                None
            }
        }
    }

    fn checked_label(&mut self, path: Path<'_>, label: String) -> Option<String> {
        if is_blank(&label) || label.chars().count() > 16 {
            self.problem(path, "must be 1 to 16 characters, as the registry labels it (\"9A\", \"a.\", \"iii\")");
            return None;
        }
        Some(label)
    }

    /// The parts of a criterion and the rule they make together: every part (`all`, an
    /// inclusion's default) or one part (`any`, an exclusion's default).
    fn parts(
        &mut self,
        path: Path<'_>,
        raw_parts: Vec<RawPart>,
        combine: Option<&str>,
        kind: Option<CriterionKind>,
    ) -> (Option<Rule>, Option<Vec<Part>>) {
        if raw_parts.is_empty() {
            self.problem(path.field("parts"), "list at least one part, or give the criterion a rule");
            return (None, None);
        }
        let combine = match combine {
            None => Some(match kind {
                Some(CriterionKind::Exclusion) => Combine::Any,
                Some(CriterionKind::Inclusion) | None => Combine::All,
            }),
            Some(name) => {
                let combine = Combine::parse(name);
                if combine.is_none() {
                    self.problem(path.field("combine"), format!("\"{}\" is not \"all\" or \"any\"", echo(name)));
                }
                combine
            }
        };
        let mut labels = std::collections::BTreeSet::new();
        let mut parts = Vec::new();
        let list = path.field("parts");
        for (index, raw) in raw_parts.into_iter().enumerate() {
            let part_path = list.item(index);
            let label = self
                .required_string(part_path, "label", raw.label)
                .and_then(|label| self.checked_label(part_path.field("label"), label));
            if let Some(label) = &label {
                if !labels.insert(label.clone()) {
                    self.problem(part_path.field("label"), format!("part {} is listed twice", echo(label)));
                }
            }
            let words = self.words(part_path, raw.words);
            let rule = match &raw.rule {
                Some(rule) => self.rule(part_path.field("rule"), rule, RuleContext::Criterion),
                None => {
                    self.problem(part_path.field("rule"), "missing: every part needs a rule");
                    None
                }
            };
            parts.push((|| {
                let words = words?;
                Some(Part {
                    label: label?,
                    registry_text: words.registry_text,
                    registry_translation: words.registry_translation,
                    summary: words.summary,
                    interpretation: words.interpretation,
                    ask_care_team: words.ask_care_team,
                    rule: rule?,
                })
            })());
        }
        let parts: Option<Vec<Part>> = parts.into_iter().collect();
        let rule = match (&parts, combine) {
            (Some(parts), Some(Combine::All)) => Some(Rule::All(parts.iter().map(|part| part.rule.clone()).collect())),
            (Some(parts), Some(Combine::Any)) => Some(Rule::Any(parts.iter().map(|part| part.rule.clone()).collect())),
            (None, _) | (_, None) => None,
        };
        (rule, parts)
    }
}
