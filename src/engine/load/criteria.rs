//! Reading the criteria: ids, kinds, registry numbers and texts, and each criterion's rule.

use super::rules::RuleContext;
use super::{is_identifier, Loader};
use crate::engine::format::RawCriterion;
use crate::engine::json::echo;
use crate::engine::model::{Criterion, CriterionId, CriterionKind};
use std::collections::BTreeMap;

impl Loader {
    pub(super) fn criteria(&mut self, raw_criteria: Vec<RawCriterion>) -> Vec<Option<Criterion>> {
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut numbers: BTreeMap<(String, u32), usize> = BTreeMap::new();
        let mut criteria = Vec::new();
        for (index, raw) in raw_criteria.into_iter().enumerate() {
            let path = format!("criteria[{index}]");
            let id = self.required_string(&path, "id", raw.id);
            if let Some(id) = &id {
                if !is_identifier(id) {
                    self.problem(
                        format!("{path}.id"),
                        format!("\"{}\" must be lower-case letters, digits and underscores", echo(id)),
                    );
                }
                if let Some(first) = ids.get(id) {
                    self.problem(format!("{path}.id"), format!("duplicate id \"{id}\" (also criteria[{first}])"));
                } else {
                    ids.insert(id.clone(), index);
                }
            }
            let kind = match raw.kind.as_deref() {
                Some(name) => {
                    let kind = CriterionKind::parse(name);
                    if kind.is_none() {
                        self.problem(
                            format!("{path}.kind"),
                            format!("\"{}\" is not \"inclusion\" or \"exclusion\"", echo(name)),
                        );
                    }
                    kind
                }
                None => {
                    self.problem(format!("{path}.kind"), "missing");
                    None
                }
            };
            let number = self.required(&path, "number", raw.number);
            if let (Some(kind), Some(number)) = (kind, number) {
                let key = (kind.id().to_owned(), number);
                if let Some(first) = numbers.get(&key) {
                    self.problem(format!("{path}.number"), format!("{} {number} is also criteria[{first}]", kind.id()));
                } else {
                    numbers.insert(key, index);
                }
            }
            let registry_text = self.required_string(&path, "registry_text", raw.registry_text);
            let registry_translation = match &raw.registry_translation {
                None => Some(None),
                Some(value) => self.partial_text(&format!("{path}.registry_translation"), value).map(Some),
            };
            let summary = self.required_text(&path, "summary", raw.summary.as_ref());
            if let Some(summary) = &summary {
                self.summary_speaks_to_no_one(&format!("{path}.summary"), summary);
            }
            let interpretation = self.optional_text(&path, "interpretation", raw.interpretation.as_ref());
            let ask_care_team = self.optional_worded(
                &path,
                "ask_care_team",
                raw.ask_care_team.as_ref(),
                raw.caregiver_ask_care_team.as_ref(),
            );
            let rule = match &raw.rule {
                Some(rule) => self.rule(&format!("{path}.rule"), rule, RuleContext::Criterion),
                None => {
                    self.problem(format!("{path}.rule"), "missing: every criterion needs a rule (use {\"constant\": true} for one that every patient meets)");
                    None
                }
            };
            criteria.push((|| {
                Some(Criterion {
                    id: CriterionId::new(id?),
                    kind: kind?,
                    number: number?,
                    registry_text: registry_text?,
                    registry_translation: registry_translation?,
                    summary: summary?,
                    interpretation: interpretation?,
                    ask_care_team: ask_care_team?,
                    rule: rule?,
                })
            })());
        }
        criteria
    }
}
