//! Benchmark (not a test): how many questions a patient answers in the portal of the real trials
//! (`trials/catalogue.json`), against answering each trial's own questionnaire one after another,
//! over a set of generated patient profiles.
//!
//!   cargo run --release --example portal_questions [-- --profiles 200] [--catalogue FILE]
//!
//! A profile answers every question of the catalogue once, at random but consistently (the same
//! answer wherever the question is asked): a concrete answer within the question's range, or "I
//! don't know" (one time in four, where offered). Separately, each trial asks its own next question
//! until it is decided or nothing more could change it; in the portal, the catalogue asks its next
//! question until no trial could change.

use prescreen::engine::{
    read_catalogue, Answer, Answers, CalendarDate, Catalogue, ChoiceId, DateAnswer, Definition, Entry, Exact, Question,
    QuestionKind,
};
use std::collections::{BTreeMap, BTreeSet};

/// A small, seeded generator (xorshift64*): profiles are the same on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
}

fn answer_for(question: &Question, random: &mut Random) -> Answer {
    if question.allow_unknown && random.below(4) == 0 {
        return Answer::DoNotKnow;
    }
    let whole = |value: i64| Exact::from_integer(value);
    match &question.kind {
        QuestionKind::YesNo => Answer::YesNo(random.below(3) == 0),
        QuestionKind::SingleChoice { choices } => {
            Answer::Choice(choices[random.below(choices.len() as u64) as usize].id.clone())
        }
        QuestionKind::MultipleChoice { choices } => {
            let choice: &ChoiceId = &choices[random.below(choices.len() as u64) as usize].id;
            Answer::Choices(BTreeSet::from([choice.clone()]))
        }
        QuestionKind::Number { units, minimum, maximum, .. } => {
            let (low, high) = (minimum.to_f64(), maximum.to_f64().min(minimum.to_f64() + 500.0));
            let value = low + (high - low) * (random.below(1000) as f64 / 1000.0);
            Answer::Number { value: Exact::from_f64((value * 10.0).round() / 10.0).unwrap_or(*minimum), unit: units[0] }
        }
        QuestionKind::Age { .. } => Answer::AgeYears(10 + random.below(75) as u32),
        QuestionKind::Date => Answer::Date(DateAnswer {
            year: 2020 + random.below(7) as i32,
            month: 1 + random.below(11) as u8,
            day: Some(1 + random.below(28) as u8),
        }),
        QuestionKind::AgainstUpperLimit { .. } => {
            Answer::AgainstUpperLimit { value: whole(10 + random.below(150) as i64), upper_limit: whole(40) }
        }
        QuestionKind::AgainstReferenceRange { .. } => Answer::AgainstRange {
            value: whole(1 + random.below(10) as i64),
            lower_limit: whole(3),
            upper_limit: whole(6),
        },
    }
}

fn main() {
    let profiles: usize = std::env::args()
        .skip_while(|argument| argument != "--profiles")
        .nth(1)
        .and_then(|count| count.parse().ok())
        .unwrap_or(200);
    let path = std::env::args()
        .skip_while(|argument| argument != "--catalogue")
        .nth(1)
        .unwrap_or_else(|| format!("{}/trials/catalogue.json", env!("CARGO_MANIFEST_DIR")));
    let path = std::path::Path::new(&path);
    let folder = path.parent().unwrap_or(std::path::Path::new("."));
    let Some(entries) = std::fs::read(path).ok().and_then(|bytes| read_catalogue(&bytes).ok()) else {
        eprintln!("cannot read the catalogue {}", path.display());
        return;
    };
    let trials: Vec<Definition> = entries
        .into_iter()
        .filter_map(|entry| match entry {
            Entry::Url(file) => Definition::load(&std::fs::read_to_string(folder.join(file)).ok()?).ok(),
            Entry::Inline(_) => None,
        })
        .collect();
    let Ok(catalogue) = Catalogue::new(trials) else {
        eprintln!("the catalogue's trials do not share their questions consistently: run prescreen check");
        return;
    };
    let Some(today) = CalendarDate::new(2026, 11, 27) else { return };
    let mut random = Random(0x5EED_2026_1127);
    let (mut separately_total, mut portal_total) = (0, 0);
    let mut ratios = Vec::new();
    for _ in 0..profiles {
        let profile: BTreeMap<String, Answer> = catalogue
            .questions
            .iter()
            .map(|&(trial, question)| {
                let question = &catalogue.trials[trial].questions[question];
                (question.id.to_string(), answer_for(question, &mut random))
            })
            .collect();
        let answer = |answers: &mut Answers, question: &Question| {
            answers.set(question.id.clone(), profile[question.id.as_str()].clone());
        };
        let mut separately = 0;
        for trial in &catalogue.trials {
            let mut answers = Answers::default();
            answers.set_today(today);
            let mut evaluation = trial.evaluate(&answers);
            while let Some(next) = evaluation.next_question() {
                answer(&mut answers, &trial.questions[next]);
                trial.reevaluate(&mut evaluation, &answers, next);
                separately += 1;
            }
        }
        let mut answers = Answers::default();
        answers.set_today(today);
        let mut evaluations = catalogue.evaluate(&answers);
        let mut in_portal = 0;
        while let Some((trial, question)) = catalogue.next_question(&evaluations) {
            let question = &catalogue.trials[trial].questions[question];
            answer(&mut answers, question);
            catalogue.reevaluate(&mut evaluations, &answers, question.id.as_str());
            in_portal += 1;
        }
        separately_total += separately;
        portal_total += in_portal;
        ratios.push(in_portal as f64 / separately as f64);
    }
    ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    println!("## Questions asked: {} against separate screenings\n", path.display());
    println!(
        "{} trials, {} distinct questions ({} if each asked its own), {profiles} generated profiles\n",
        catalogue.trials.len(),
        catalogue.questions.len(),
        catalogue.trials.iter().map(|trial| trial.questions.len()).sum::<usize>()
    );
    println!("| | questions asked, mean per profile |");
    println!("|---|---:|");
    println!("| each trial on its own, one after another | {:.1} |", separately_total as f64 / profiles as f64);
    println!("| the portal | {:.1} |", portal_total as f64 / profiles as f64);
    println!(
        "\nportal ÷ separate: {:.0} % overall, median {:.0} % per profile (range {:.0}–{:.0} %)",
        100.0 * portal_total as f64 / separately_total as f64,
        100.0 * median,
        100.0 * ratios[0],
        100.0 * ratios[ratios.len() - 1]
    );
}
