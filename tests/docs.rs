//! The definition format's docs against the code: the quantity table is the catalogue, each
//! formula's source is quoted, and every field, kind, op and formula the loader reads is named.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on broken fixtures.

use prescreen::engine::{every_field, Formula, Op, Quantity, QuestionKindName};

fn docs() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/definition-format.md")).unwrap()
}

/// The quantity table, generated from the catalogue.
fn quantity_table() -> String {
    let mut table =
        String::from("| quantity | what | units (the first is the base) | conversions |\n|---|---|---|---|\n");
    for quantity in Quantity::ALL {
        let definition = quantity.definition();
        let units: Vec<String> =
            definition.conversions.iter().map(|conversion| format!("`{}`", conversion.unit.id())).collect();
        let conversions = match (definition.conversions.len(), definition.conversion_source) {
            (1, _) => "— (one unit)",
            (_, "") => "by definition of the units",
            (_, source) => source,
        };
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            quantity.id(),
            definition.what,
            units.join(", "),
            conversions
        ));
    }
    table
}

#[test]
fn the_quantity_table_is_the_catalogue() {
    let docs = docs();
    let start = docs.find("<!-- quantities:").expect("the quantities marker");
    let start = start + docs[start..].find("-->\n").expect("end of the marker") + 4;
    let end = docs.find("<!-- /quantities -->").expect("the closing marker");
    let expected = quantity_table();
    assert!(
        docs[start..end] == expected,
        "docs/definition-format.md's quantity table differs from the catalogue; replace it with:\n\n{expected}"
    );
}

#[test]
fn every_formula_is_documented_with_its_source() {
    let docs = docs();
    for formula in Formula::ALL {
        assert!(docs.contains(&format!("| `{}` |", formula.name())), "formula {} is not in the table", formula.name());
        assert!(docs.contains(formula.source()), "the source of {} differs from src/engine/derived.rs", formula.name());
    }
}

#[test]
fn every_field_kind_and_op_is_named() {
    let docs = docs();
    let mut missing = Vec::new();
    for (object, fields) in every_field() {
        for field in fields {
            if !docs.contains(&format!("`{field}`")) && !docs.contains(&format!("\"{field}\"")) {
                missing.push(format!("{object}.{field}"));
            }
        }
    }
    for kind in QuestionKindName::ALL {
        if !docs.contains(&format!("`{}`", kind.name())) {
            missing.push(format!("kind {}", kind.name()));
        }
    }
    for op in Op::ALL {
        if !docs.contains(&format!("`{}`", op.name())) {
            missing.push(format!("op {}", op.name()));
        }
    }
    assert!(missing.is_empty(), "not described in docs/definition-format.md: {missing:?}");
}
